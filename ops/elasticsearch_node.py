"""A real Elasticsearch node that the test run and `make load` start, stop and restart."""

import contextlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
START = REPO / "search" / "elasticsearch" / "start"
START_TIMEOUT = 120


class ElasticsearchNode:
    def __init__(self, url, base_path):
        self.url = url
        self.base_port = urlsplit(url).port - 1
        self.base_path = Path(base_path)
        self.log_path = self.base_path / "node.log"
        self.process = None

    def start(self):
        """Start the node and wait until it is healthy; raise with its log if it is not."""
        self.base_path.mkdir(parents=True, exist_ok=True)
        ready = self.base_path / "ready"
        ready.unlink(missing_ok=True)
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
                [str(START), "-baseHttpPort", str(self.base_port), "-basePath", str(self.base_path)],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while not ready.exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Elasticsearch did not start at {self.url}:\n{self.log_tail()}")
            time.sleep(0.2)

    def stop(self):
        if self.process and self.process.poll() is None:
            self._signal(signal.SIGCONT)
            self._signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self._signal(signal.SIGKILL)
                self.process.wait()
        self.process = None

    def pause(self):
        """Freeze the node: connections are accepted and never answered, like a
        server that has stopped responding."""
        self._signal(signal.SIGSTOP)

    def resume(self):
        self._signal(signal.SIGCONT)

    def wipe(self):
        shutil.rmtree(self.base_path, ignore_errors=True)

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def _signal(self, signum):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)
