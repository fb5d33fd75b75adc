; Inno Setup script: installs the PyInstaller onedir bundle per user, without administrator rights.
; Build on Windows after PyInstaller:  iscc packaging\windows\gongwen-assistant.iss
#define AppVersion "0.1.0"

[Setup]
AppId={{7C3F2B1E-5A4D-4E8B-9C21-6F0A3D8E1B47}
AppName=公文写作助手
AppVersion={#AppVersion}
DefaultDirName={localappdata}\Programs\gongwen-assistant
DefaultGroupName=公文写作助手
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=gongwen-assistant-{#AppVersion}-setup
SetupIconFile=gongwen-assistant.ico
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\gongwen-assistant\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\公文写作助手"; Filename: "{app}\gongwen-assistant.exe"
Name: "{userdesktop}\公文写作助手"; Filename: "{app}\gongwen-assistant.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "创建桌面快捷方式"

[Registry]
; "Open with" entries for .docx and .txt in the current user's hive (no admin rights needed).
Root: HKCU; Subkey: "Software\Classes\Applications\gongwen-assistant.exe\shell\open\command"; ValueType: string; ValueData: """{app}\gongwen-assistant.exe"" ""%1"""; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithList\gongwen-assistant.exe"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\.txt\OpenWithList\gongwen-assistant.exe"; Flags: uninsdeletekey

[Run]
Filename: "{app}\gongwen-assistant.exe"; Description: "启动公文写作助手"; Flags: nowait postinstall skipifsilent
