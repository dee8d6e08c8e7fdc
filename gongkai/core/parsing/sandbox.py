"""Reading untrusted files in a child process that cannot take the web worker with it.

`run(fn, *args)` forks; the child lowers its own limits (address space: what the parent has
mapped plus `Limits.memory_bytes`; CPU seconds: `Limits.seconds`), calls `fn` and sends the
result or exception back through a pipe. The parent waits at most `Limits.seconds` of wall
time, then kills the child. It also watches the child's resident memory every 20 ms and kills
it past `memory_bytes` of growth: the address-space limit alone lets a child also fill what
the parent had reserved but not used. Running out of memory, time or result space is
ParseRefused naming that limit; any other exception is re-raised in the parent as the child
raised it.

Fork, not spawn: the child already has Django, lxml, pypdf and openpyxl imported and `fn` needs
no pickling, so a call costs milliseconds. `fn` must be pure (bytes in, data out): the child
shares the parent's database connection and must never use it, and it ends with os._exit, so
nothing the parent registered to run at exit runs twice. Nested calls (a reader called inside
the child) run inline. Where fork does not exist, or `Limits.isolate` is off, `fn` runs inline
and only the checks made before reading protect the process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import select
import signal
import struct
import threading
import time
import traceback
from dataclasses import dataclass

from .limits import Limits, ParseRefused, quoted, size

logger = logging.getLogger(__name__)
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_WATCH_SECONDS = 0.02
_HEADER = struct.Struct("<Q")  # a child first sends its resident bytes, then its result
_inside = False  # True in a child: nested calls run inline
_local = threading.local()


@dataclass(frozen=True)
class Run:
    """One child's figures: its peak resident memory, what was resident when it started (the
    pages it shares with its parent, or the parent's if it died too soon to say), wall time."""

    peak_bytes: int
    start_bytes: int
    seconds: float
    outcome: str  # ok, error, seconds, memory_bytes

    @property
    def extra_bytes(self) -> int:
        """Memory the child used for the reading: its peak beyond what it started with."""
        return max(0, self.peak_bytes - self.start_bytes)


@contextlib.contextmanager
def recorded():
    """The Runs of every child started in the block (this thread), for tests and benchmarks."""
    runs: list[Run] = []
    previous = getattr(_local, "runs", None)
    _local.runs = runs
    try:
        yield runs
    finally:
        _local.runs = previous


def inside() -> bool:
    """Whether this is a child started by `run`."""
    return _inside


def isolated() -> bool:
    """Whether a call here would fork (False inside a child and where fork is missing)."""
    return not _inside and hasattr(os, "fork")


def run(fn, *args, name: str, limits: Limits | None = None):
    limits = limits or Limits.current()
    if not (limits.isolate and isolated()):
        return fn(*args)
    read_end, write_end = os.pipe()
    resident, mapped = _memory()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _child(write_end, fn, args, limits, mapped)
    os.close(write_end)
    try:
        start_bytes, (outcome, payload) = _collect(read_end, pid, limits, started, resident)
    except BaseException:  # the worker is being stopped: take the child with it
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(read_end)
    _pid, status, usage = os.wait4(pid, 0)
    if outcome == "pending":  # the pipe closed without a whole result: the child died
        cpu = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGXCPU
        outcome = "seconds" if cpu else "memory_bytes"  # else a crash, mostly out of memory
    elapsed = time.monotonic() - started
    record = Run(usage.ru_maxrss * 1024, start_bytes or resident, elapsed, outcome)
    if getattr(_local, "runs", None) is not None:
        _local.runs.append(record)
    logger.debug("Read %s in a child: %s", name, record)
    if outcome == "ok":
        return payload
    if outcome == "error":
        raise _rebuilt(*payload)
    if outcome == "seconds":
        raise ParseRefused(
            f"读取{quoted(name)}用时超过读取时间上限（{limits.seconds:g}秒），已停止。",
            limit="seconds",
        )
    raise ParseRefused(
        f"读取{quoted(name)}所需内存超过读取内存上限（{size(limits.memory_bytes)}），已停止。",
        limit="memory_bytes",
    )


def _collect(fd: int, pid: int, limits: Limits, started: float, resident: int):
    """The child's resident bytes at its start (0 if it did not say) and ('ok', result),
    ('error', exception parts), ('seconds'|'memory_bytes', None) or ('pending', None) when
    the child died before sending a whole result."""
    chunks, received = [], 0
    poller = select.poll()  # not select.select: a busy server's descriptors exceed 1024
    poller.register(fd, select.POLLIN | select.POLLHUP)
    while True:
        remaining = started + limits.seconds - time.monotonic()
        if remaining <= 0:
            os.kill(pid, signal.SIGKILL)
            return _start(chunks), ("seconds", None)
        if not poller.poll(min(remaining, _WATCH_SECONDS) * 1000):
            grown = _memory(pid)[0] - (_start(chunks) or resident)
            if grown > limits.memory_bytes:
                os.kill(pid, signal.SIGKILL)
                return _start(chunks), ("memory_bytes", None)
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        received += len(chunk)
        if received > limits.memory_bytes:  # a result larger than the child may hold
            os.kill(pid, signal.SIGKILL)
            return _start(chunks), ("memory_bytes", None)
        chunks.append(chunk)
    data = b"".join(chunks)
    try:
        return _start(chunks), pickle.loads(data[_HEADER.size :])
    except Exception:  # cut short: the child died while reading or writing
        return _start(chunks), ("pending", None)


def _start(chunks: list[bytes]) -> int:
    head = b"".join(chunks[:2])[: _HEADER.size]
    return _HEADER.unpack(head)[0] if len(head) == _HEADER.size else 0


def _child(fd: int, fn, args, limits: Limits, mapped: int):
    global _inside
    status = 1
    try:
        _inside = True
        with contextlib.suppress(ValueError):  # the server's handlers are not the child's
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGINT, signal.SIG_DFL)
        _lower_limits(limits, mapped)
        os.write(fd, _HEADER.pack(_memory()[0]))
        try:
            message = ("ok", fn(*args))
        except MemoryError:
            message = ("memory_bytes", None)
        except BaseException as error:  # every exception goes to the parent
            message = ("error", _parts(error))
        try:
            data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory_bytes", None))
        except Exception as error:  # an unpicklable result is a programming error
            data = pickle.dumps(("error", _parts(TypeError(f"unpicklable result: {error}"))))
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        status = 0
    finally:
        os._exit(status)


def _lower_limits(limits: Limits, mapped: int) -> None:
    try:
        import resource
    except ImportError:  # not on POSIX: the wall-clock limit in the parent still applies
        return
    if mapped:
        ceiling = mapped + limits.memory_bytes
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    seconds = max(1, int(limits.seconds + 0.999))
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    if hard == resource.RLIM_INFINITY or hard > seconds:
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def _memory(pid: int | str = "self") -> tuple[int, int]:
    """(resident, mapped) bytes of a process, or (0, 0) where /proc is missing."""
    try:
        with open(f"/proc/{pid}/statm") as statm:
            mapped, resident = (int(n) * _PAGE for n in statm.read().split()[:2])
    except (OSError, ValueError):
        return 0, 0
    return resident, mapped


def _parts(error: BaseException):
    """An exception as (class, args, attributes, traceback text): domain errors have
    keyword-only fields, which pickling an exception would lose."""
    trace = "".join(traceback.format_exception(error))
    try:
        parts = (type(error), error.args, dict(vars(error)), trace)
        pickle.dumps(parts)
        return parts
    except Exception:
        return (RuntimeError, (f"{type(error).__name__}: {error}",), {}, trace)


def _rebuilt(cls, args, attributes, trace):
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(attributes)
    error.add_note(f"Raised in the reading process:\n{trace}")
    return error
