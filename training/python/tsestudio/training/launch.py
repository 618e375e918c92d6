"""Start N local training processes with torchrun's environment (RANK, WORLD_SIZE, MASTER_ADDR, ...).

    python -m tsestudio.training.launch --nproc 2 -- --config ... [train arguments]

``torchrun`` is the launcher for GPUs and several hosts; this one serves where it cannot run (Debian's
torch 1.13 torchrun fails under Python 3.11) and for the CPU tests. Each process runs ``tsestudio.train.main``
exactly as torchrun would; the exit code is the first non-zero one of the workers.
"""

import argparse
import multiprocessing
import os
import socket
import sys
import traceback
from typing import Callable, List, Optional


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _train_main(argv: List[str]) -> int:
    from tsestudio.train import main

    return main(argv)


def _worker(rank: int, world: int, port: int, entry: Callable[[List[str]], int], argv: List[str]) -> None:
    os.environ.update({"RANK": str(rank), "LOCAL_RANK": str(rank), "WORLD_SIZE": str(world),
                       "LOCAL_WORLD_SIZE": str(world), "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": str(port)})
    try:
        code = entry(argv)
    except SystemExit as stop:  # as sys.exit: no code is success, a message is failure
        code = 0 if stop.code is None else stop.code if isinstance(stop.code, int) else 1
    except BaseException:  # noqa: B902 (the worker's traceback is its only report)
        traceback.print_exc()
        code = 1
    # Leave without Python's finalization: with torch 1.13, gloo's process group can deadlock in its destructor
    # when the DDP reducer is collected at interpreter exit (a gloo thread waits for the GIL the main thread holds),
    # which hung a rank for the whole 300 s test timeout after it had finished and written everything.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)


def launch(nproc: int, argv: List[str], entry: Callable[[List[str]], int] = _train_main,
           timeout_s: Optional[float] = None) -> int:
    """Run ``entry(argv)`` in ``nproc`` spawned processes forming one process group; return the exit code."""
    context = multiprocessing.get_context("spawn")
    port = free_port()
    workers = [context.Process(target=_worker, args=(rank, nproc, port, entry, argv)) for rank in range(nproc)]
    for worker in workers:
        worker.start()
    code = 0
    for worker in workers:
        worker.join(timeout_s)
        if worker.is_alive():  # a hung collective: stop this group's processes, by their own ids
            for other in workers:
                if other.is_alive():
                    other.terminate()
            worker.join()
            return 124
        code = code or (worker.exitcode or 0)
    return code


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tsestudio.training.launch", description=__doc__.split("\n\n")[0])
    parser.add_argument("--nproc", type=int, default=2)
    parser.add_argument("train_args", nargs=argparse.REMAINDER, help="arguments for tsestudio.train after --")
    args = parser.parse_args(argv)
    train_args = args.train_args[1:] if args.train_args[:1] == ["--"] else args.train_args
    return launch(max(1, args.nproc), train_args)


if __name__ == "__main__":
    sys.exit(main())
