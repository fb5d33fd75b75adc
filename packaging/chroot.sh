# Debian roots for building and proving the .deb on other architectures and older systems
# (sourced by build_deb.sh and xinchuang_check.sh, not run). Roots are cached in .chroots/
# (ignored by git); an arm64 root runs on an x86_64 host through qemu-user-static.
# Every mount made here is recorded and undone by unmount_all (callers trap it on EXIT).

CHROOTS=${CHROOTS:-$(pwd)/.chroots}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
MOUNTED=()

. "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"   # install_missing_debs

unmount_all() {
    local i
    for ((i = ${#MOUNTED[@]} - 1; i >= 0; i--)); do
        umount "${MOUNTED[i]}" 2>/dev/null || umount -l "${MOUNTED[i]}"
    done
    MOUNTED=()
}

mount_recorded() {  # mount_recorded MOUNTPOINT MOUNT-ARGUMENTS...
    local point="$1"; shift
    mount "$@" "$point"
    MOUNTED+=("$point")
}

# Lets the kernel run arm64 programs through qemu (the chroot's own apt, python, PyInstaller).
enable_foreign_arch() {
    local arch="$1"
    [ "$arch" = "$(dpkg --print-architecture)" ] && return 0
    install_missing_debs debootstrap qemu-user-static binfmt-support
    [ -e /proc/sys/fs/binfmt_misc/register ] \
        || mount_recorded /proc/sys/fs/binfmt_misc -t binfmt_misc binfmt_misc
    local qemu=qemu-aarch64
    [ "$arch" = arm64 ] || { echo "!!  不支持的架构 / unsupported architecture: $arch" >&2; return 1; }
    [ -e "/proc/sys/fs/binfmt_misc/$qemu" ] || update-binfmts --enable "$qemu"
}

# Sets DEBIAN_ROOT to a minimal Debian root SUITE-ARCH with PACKAGES installed, creating it once.
# (A variable, not output: the binfmt mount must be recorded in the caller's shell.)
debian_root() {
    local suite="$1" arch="$2"; shift 2
    local root="$CHROOTS/$suite-$arch"
    install_missing_debs debootstrap >&2
    enable_foreign_arch "$arch" >&2
    if [ ! -d "$root" ]; then
        echo "==> debootstrap $suite $arch → $root（首次约 5–15 分钟 / first time only）" >&2
        rm -rf "$root.tmp"
        mkdir -p "$CHROOTS"
        nice -n 10 debootstrap --variant=minbase --arch "$arch" "$suite" "$root.tmp" "$DEBIAN_MIRROR" >&2
        mv "$root.tmp" "$root"
    fi
    if [ $# -gt 0 ] && ! chroot "$root" dpkg-query -W "$@" >/dev/null 2>&1; then
        echo "==> $suite-$arch: apt-get install $*" >&2
        cp /etc/resolv.conf "$root/etc/resolv.conf"
        chroot "$root" apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive nice -n 10 chroot "$root" apt-get install -y -q --no-install-recommends "$@" >&2
    fi
    DEBIAN_ROOT="$root"
}

# /proc and /dev inside ROOT, for the programs run there (Python, PyInstaller, Qt).
mount_system_dirs() {
    local root="$1"
    mount_recorded "$root/proc" -t proc proc
    mount_recorded "$root/dev" --bind /dev
    cp /etc/resolv.conf "$root/etc/resolv.conf"
}
