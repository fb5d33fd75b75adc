; 公文写作助手 Windows installer (NSIS 3, Unicode, 64-bit), built by packaging/build_windows.sh:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DBUNDLE=<onedir> -DOUTFILE=<setup.exe> gongwen-assistant.nsi
; Installs for the current user only, without administrator rights, under %LOCALAPPDATA%\Programs.
; Silent use: setup.exe /S [/D=C:\path]   and   uninstall.exe /S
; Everything it writes to the registry is under HKCU and removed again by the uninstaller.

Unicode true
Target amd64-unicode
!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "define VERSION, BUNDLE and OUTFILE (see packaging/build_windows.sh)"
!endif

!define APP_NAME "公文写作助手"
!define EXE "gongwen-assistant.exe"
!define PROGID "GongwenAssistant.Document"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\gongwen-assistant"
!define CLASSES "Software\Classes"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\gongwen-assistant"
RequestExecutionLevel user
SetCompressor /SOLID lzma
ShowInstDetails nevershow
BrandingText "${APP_NAME} ${VERSION}"
!pragma warning disable 9100  ; the version tab carries no LegalCopyright line
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"

; makensis runs in this folder, so the icon is named without a path
!define MUI_ICON "gongwen-assistant.ico"
!define MUI_UNICON "gongwen-assistant.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "启动${APP_NAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"  ; an older version's files must not linger
  File /r "${BUNDLE}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${EXE}"
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${EXE}"

  ; “打开方式”: offered for .docx and .txt through OpenWithProgids; the default program is left alone.
  WriteRegStr HKCU "${CLASSES}\${PROGID}" "" "${APP_NAME} 文稿"
  WriteRegStr HKCU "${CLASSES}\${PROGID}\DefaultIcon" "" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKCU "${CLASSES}\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "${CLASSES}\.docx\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "${CLASSES}\.txt\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}" "FriendlyAppName" "${APP_NAME}"
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\SupportedTypes" ".docx" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\SupportedTypes" ".txt" ""
  WriteRegStr HKCU "${CLASSES}\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'

  ; 设置 → 应用: name, version, size and the uninstaller
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" '"$INSTDIR\${EXE}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  DeleteRegValue HKCU "${CLASSES}\.docx\OpenWithProgids" "${PROGID}"
  DeleteRegValue HKCU "${CLASSES}\.txt\OpenWithProgids" "${PROGID}"
  ; /ifempty (NSIS 3.08: no subkeys and no values): parents the installer had to create, never the user's
  DeleteRegKey /ifempty HKCU "${CLASSES}\.docx\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.docx"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.txt\OpenWithProgids"
  DeleteRegKey /ifempty HKCU "${CLASSES}\.txt"
  DeleteRegKey HKCU "${CLASSES}\${PROGID}"
  DeleteRegKey HKCU "${CLASSES}\Applications\${EXE}"
  DeleteRegKey /ifempty HKCU "${CLASSES}\Applications"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey /ifempty HKCU "Software\Microsoft\Windows\CurrentVersion\Uninstall"

  ; only what the installer put there: a folder the user picked may hold other files
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
