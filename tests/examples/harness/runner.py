"""Run one snippet as a reader would: its own process, configured only by the environment.

Python snippets run either cold (``python FILE``, a fresh interpreter, as a reader starts it)
or warm (forked from an interpreter that has already imported the SDK: ``warm.py``), which is
the same file as ``__main__`` in a process of its own, a second faster. Every snippet file has
at least one cold run in the suite. Each run gets a scratch working directory of its own, so
an example that writes a file neither dirties the repository nor meets a parallel run.
"""

from __future__ import annotations

import os
import re
import signal
import ssl
import subprocess
import sys
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import IO

from standin import StandIn
from tests.support.settings import FAKE_KEY

from .case import Case, Run
from .warm import WarmInterpreter

NOTEBOOK_RUNNER = Path(__file__).with_name("notebook.py")


def _hashed_certificate_directory() -> str | None:
    """OpenSSL's compiled-in certificate directory, when it holds certificates by hash name (the
    form ``SSL_CERT_DIR`` needs; Debian's ``/usr/lib/ssl/certs``). The example Pythons use the
    same system OpenSSL as this one."""
    capath = ssl.get_default_verify_paths().openssl_capath
    if not os.path.isdir(capath):
        return None
    hashed = any(re.fullmatch(r"[0-9a-fA-F]{8}\.\d", name) for name in os.listdir(capath))
    return capath if hashed else None


# The warm runs' trust store, looked up by hash as a TLS handshake needs a certificate instead of
# parsed whole when a client is built. The SDK's HTTP client builds its TLS context in its
# constructor, reading the system's bundle of some 140 certificates (about 40 ms of CPU, measured
# on 2 CPUs; the examples of one page, side by side: 70 CPU-seconds with it, 54 without), though
# no run against the stand-in, which speaks plain HTTP, ever makes a handshake. With ``SSL_CERT_DIR`` set, as a reader may set it, the client (httpcore2's
# ``default_ssl_context``) trusts the same certificates and reads none of them up front. The cold
# runs keep the environment a reader's shell gives: each file meets the default once.
WARM_TRUST_STORE = {"SSL_CERT_DIR": d} if (d := _hashed_certificate_directory()) else {}


def environment(api: StandIn | None, extra: dict[str, str]) -> dict[str, str]:
    """The snippet's whole environment. With ``api=None`` it talks to the real API: no base
    URL override, and the caller's own ``ANTHROPIC_API_KEY``. A case's own variables may name
    the stand-in as ``{standin}`` (its URL) or ``{standin_host}`` (host and port), for the
    clients that read another variable than ``ANTHROPIC_BASE_URL`` (the cloud clients)."""
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "SYSTEMROOT")}
    if api is None:
        target = {"ANTHROPIC_API_KEY": os.environ.get("ANTHROPIC_API_KEY", "")}
    else:
        target = {"ANTHROPIC_BASE_URL": api.url, "ANTHROPIC_API_KEY": FAKE_KEY}
        host = api.url.removeprefix("http://")
        extra = {
            name: value.replace("{standin}", api.url).replace("{standin_host}", host)
            for name, value in extra.items()
        }
    return {
        **keep,
        **target,
        "PYTHONUNBUFFERED": "1",
        "PYTHONIOENCODING": "utf-8",
        **extra,
    }


def run(
    case: Case,
    api: StandIn | None,
    *,
    warm: WarmInterpreter | None = None,
    python: Path | None = None,
    cwd: Path | None = None,
) -> Run:
    """Run ``case``'s snippet: warm through ``warm`` when given (Python snippets only), else
    cold with ``python`` (default: this interpreter). ``cwd`` defaults to a new scratch
    directory."""
    if not case.path.is_file():
        raise FileNotFoundError(f"snippet not found: {case.path}")
    where = cwd or Path(tempfile.mkdtemp(prefix="snippet-"))
    env = environment(api, dict(case.env))
    combined = case.capture == "combined"
    if case.serve is not None and api is None:
        raise ValueError(f"{case.id} starts servers in front of the stand-in: it needs one")
    served = case.serve(api) if case.serve is not None and api is not None else nullcontext(())
    with (
        served as more_args,
        tempfile.TemporaryFile("w+", encoding="utf-8") as out,
        tempfile.TemporaryFile("w+", encoding="utf-8") as err,
    ):
        err_fd = out.fileno() if combined else err.fileno()
        if warm is not None and case.path.suffix == ".py":
            done = warm.run(
                case.path,
                args=(*case.args, *more_args),
                env={**WARM_TRUST_STORE, **env},
                cwd=where,
                stdout=out.fileno(),
                stderr=err_fd,
                timeout=case.timeout,
            )
            returncode, timed_out = done.returncode, done.timed_out
        else:
            command = _command(case, python, (*case.args, *more_args))
            returncode, timed_out = _cold(case, command, env, where, out.fileno(), err_fd)
        stdout, stderr = _read(out), "" if combined else _read(err)
    result = Run(case, returncode, stdout, stderr, where)
    if timed_out:
        raise AssertionError(
            f"{case.id} did not finish within {case.timeout:.0f}s; output so far:\n"
            + result.describe()
        )
    return result


def _command(case: Case, python: Path | None, args: tuple[str, ...]) -> list[str]:
    if case.path.suffix == ".sh":
        return ["bash", str(case.path), *args]
    if case.path.suffix == ".ipynb":
        # A notebook runs on a Jupyter kernel of the example Python (see notebook.py).
        kernel = str(python or sys.executable)
        return [sys.executable, str(NOTEBOOK_RUNNER), str(case.path), "--kernel-python", kernel]
    return [str(python or sys.executable), str(case.path), *args]


def _cold(
    case: Case, command: list[str], env: dict[str, str], cwd: Path, out: int, err: int
) -> tuple[int, bool]:
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=out,
        stderr=err,
        start_new_session=True,
    )
    try:
        return process.wait(timeout=case.timeout), False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        return -signal.SIGKILL, True


def _read(stream: IO[str]) -> str:
    stream.flush()
    stream.seek(0)
    return stream.read()
