"""Starts Debian's varnishd in front of a local site, with ops/varnish/site.vcl.
Used by the proxy tests and by `make bench`; stops with the process it returns."""

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from string import Template

VCL_TEMPLATE = Path(__file__).resolve().parent / "varnish" / "site.vcl"
VARNISHD = "/usr/sbin/varnishd"


def write_vcl(path, backend_port, session_cookie="sessionid"):
    text = Template(VCL_TEMPLATE.read_text()).substitute(backend_port=backend_port, session_cookie=session_cookie)
    path.write_text(text)
    return path


@contextlib.contextmanager
def running_varnish(listen_port, backend_port, session_cookie="sessionid", memory="256m"):
    """varnishd in the foreground (so the process yielded is the server), until
    the block ends. Its files go to a directory of their own that its
    unprivileged user can read (varnishd drops root to read the VCL)."""
    if not Path(VARNISHD).exists():
        raise RuntimeError(f"{VARNISHD} is missing: run ops/install-system-packages")
    workdir = Path(tempfile.mkdtemp(prefix="peersupport-varnish-"))
    workdir.chmod(0o755)
    vcl = write_vcl(workdir / "site.vcl", backend_port, session_cookie)
    vcl.chmod(0o644)
    log = workdir / "varnishd.log"
    process = subprocess.Popen(  # noqa: S603
        [
            VARNISHD,
            "-F",
            f"-a127.0.0.1:{listen_port}",
            f"-f{vcl}",
            f"-n{workdir / 'varnishd'}",
            f"-smalloc,{memory}",
            # Keep nothing the site did not mark shareable.
            "-t0",
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(log, "w"),  # noqa: SIM115
    )
    try:
        wait_until_listening(listen_port, process, log)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def wait_until_listening(port, process, log):
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"varnishd did not start: {log.read_text()}") from None
            time.sleep(0.2)
