"""Varnish for the benchmark: deploy/varnish/newsroom.vcl in front of the bench's gunicorn, as `make edge` runs it.

Used by bench/run.py: start_varnish() returns the running varnishd (in the foreground, pinned
to a CPU with taskset) and the folder it works in; stop it by its pid, then remove the folder.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"
BACKENDS = ROOT / "deploy" / "varnish" / "backends.sh"


def varnish_command(binary: str, workdir: Path, listen: str, cpu: int) -> list[str]:
    return [
        "taskset", "-c", str(cpu), binary, "-F",
        "-n", str(workdir / "varnish"),
        "-f", str(workdir / "newsroom.vcl"),
        "-p", f"vcl_path={workdir}",
        "-a", listen,
        "-s", "malloc,256m",
    ]  # fmt: skip


def prepare(backend: str) -> Path:
    """A folder varnishd's own user can read, holding the VCL and the backends for ``backend`` (host:port)."""
    workdir = Path(tempfile.mkdtemp(prefix="newsroom-bench-varnish-"))
    workdir.chmod(0o755)
    shutil.copy(VCL, workdir / "newsroom.vcl")
    backends = subprocess.run(
        [str(BACKENDS), "--purgers", "127.0.0.1 ::1", backend], capture_output=True, text=True, check=True
    ).stdout
    (workdir / "newsroom-backends.vcl").write_text(backends)
    for path in workdir.iterdir():
        path.chmod(0o644)
    return workdir


def start_varnish(binary: str, backend: str, listen: str, cpu: int) -> tuple[subprocess.Popen, Path, str]:
    """varnishd in the foreground; returns the process, its work folder and the command line."""
    workdir = prepare(backend)
    command = varnish_command(binary, workdir, listen, cpu)
    check = subprocess.run([binary, "-C", *command[5:9], *command[9:11]], capture_output=True, text=True)
    if check.returncode != 0:
        shutil.rmtree(workdir, ignore_errors=True)
        raise RuntimeError(f"newsroom.vcl does not compile:\n{check.stderr[-2000:]}")
    return subprocess.Popen(command, cwd=ROOT), workdir, " ".join(command)
