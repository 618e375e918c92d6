"""Getting Debian packages: engines are installed with apt; data-only packages are downloaded and unpacked
into the build's cache (apt-get download + dpkg -x), which avoids pulling in their programs' dependencies
(KDE, Qt, game engines) just to read their sound files."""
import glob
import os
import subprocess

from .errors import DataError

APT = ["apt-get", "-o", "DPkg::Lock::Timeout=900"]


def is_installed(pkg: str) -> bool:
    res = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
    return res.returncode == 0 and "install ok installed" in res.stdout


def available(pkg: str) -> bool:
    res = subprocess.run(["apt-cache", "show", "--no-all-versions", pkg], capture_output=True, text=True)
    return res.returncode == 0 and "Package:" in res.stdout


def install(packages, log) -> list:
    """Install the missing packages that apt knows; returns the ones that could not be had."""
    missing = [p for p in packages if not is_installed(p)]
    if not missing:
        return []
    unknown = [p for p in missing if not available(p)]
    wanted = [p for p in missing if p not in unknown]
    if wanted:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        res = subprocess.run(APT + ["install", "-y", "--no-install-recommends"] + wanted, env=env,
                             capture_output=True, text=True)
        if res.returncode != 0:
            log(f"apt-get install failed ({res.stderr.strip().splitlines()[-1:]}); trying one by one")
            for p in wanted:
                subprocess.run(APT + ["install", "-y", "--no-install-recommends", p], env=env, capture_output=True)
    return [p for p in missing if not is_installed(p)]


def unpack_data_package(pkg: str, cache: str) -> str:
    """Root folder of the package's unpacked files (download + dpkg -x once, then reused)."""
    root = os.path.join(cache, "pkgroot", pkg)
    if os.path.isdir(root) and os.path.exists(root + ".ok"):
        return root
    debs = os.path.join(cache, "debs")
    os.makedirs(debs, exist_ok=True)
    found = glob.glob(os.path.join(debs, f"{pkg}_*.deb"))
    if not found:
        res = subprocess.run(["apt-get", "download", pkg], cwd=debs, capture_output=True, text=True)
        found = glob.glob(os.path.join(debs, f"{pkg}_*.deb"))
        if res.returncode != 0 or not found:
            err = (res.stderr.strip().splitlines() or ["no .deb"])[-1]
            raise DataError(f"{pkg}: cannot download the Debian package ({err})")
    tmp = root + ".part"
    os.makedirs(os.path.dirname(root), exist_ok=True)
    subprocess.run(["rm", "-rf", tmp], check=True)
    res = subprocess.run(["dpkg", "-x", found[0], tmp], capture_output=True, text=True)
    if res.returncode != 0:
        raise DataError(f"{found[0]}: cannot unpack ({' '.join(res.stderr.split())[:160]})")
    subprocess.run(["rm", "-rf", root], check=True)
    os.replace(tmp, root)
    open(root + ".ok", "w").close()
    return root


def package_licence(root: str, pkg: str) -> str:
    """The licences named in the package's copyright file, e.g. 'tuxpaint-stamps-default: GPL-2+'."""
    path = os.path.join(root, "usr/share/doc", pkg, "copyright")
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lic = sorted({ln.split(":", 1)[1].strip() for ln in f if ln.startswith("License:")} - {""})
    except OSError:
        lic = []
    return f"{pkg}: " + (", ".join(lic) if lic else "see the package copyright")
