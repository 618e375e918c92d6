"""A small job that speaks the --progress json protocol, for testing the Java job plumbing.

It behaves like the trainer where the Java side cares: JSON events on stdout, log lines on
stderr, checkpoints in <run-dir>/checkpoints, a checkpoint on SIGTERM, --resume CKPT.
"""

import argparse
import json
import os
import signal
import sys
import time


def emit(**event):
    print(json.dumps(event), flush=True)


def save_checkpoint(run_dir, step):
    folder = os.path.join(run_dir, "checkpoints")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "step_%04d.ckpt" % step)
    with open(path + ".tmp", "w") as f:
        f.write(str(step))
    os.replace(path + ".tmp", path)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--run-dir", required=True)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--checkpoint-every", type=int, default=2)
    parser.add_argument("--fail-at", type=int, default=-1)
    parser.add_argument("--ignore-sigterm", action="store_true")
    parser.add_argument("--stray-print", action="store_true")
    parser.add_argument("--resume")
    parser.add_argument("--progress", choices=["json", "none"], default="none")
    args = parser.parse_args()

    stop = []
    if args.ignore_sigterm:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    else:
        signal.signal(signal.SIGTERM, lambda *_: stop.append(True))

    start = 0
    if args.resume:
        with open(args.resume) as f:
            start = int(f.read())
        emit(event="progress", done=start, total=args.steps, message="resumed from step %d" % start)
    if args.stray_print:
        print("this line is not an event", flush=True)

    for step in range(start + 1, args.steps + 1):
        time.sleep(args.delay)
        print("step %d" % step, file=sys.stderr, flush=True)
        if step == args.fail_at:
            print("Traceback (most recent call last):", file=sys.stderr)
            print("RuntimeError: loss is NaN at step %d" % step, file=sys.stderr, flush=True)
            emit(event="error", message="loss is NaN at step %d" % step)
            sys.exit(1)
        event = {"event": "metric", "step": step, "train_loss": 1.0 / step, "lr": 0.001}
        if step % args.checkpoint_every == 0:
            event["checkpoint"] = save_checkpoint(args.run_dir, step)
        emit(**event)
        emit(event="progress", done=step, total=args.steps, message="step %d" % step)
        if stop:
            path = save_checkpoint(args.run_dir, step)
            emit(event="progress", done=step, total=args.steps, message="stopped", checkpoint=path)
            sys.exit(0)
    emit(event="done", message="ran %d steps" % args.steps, steps=args.steps)


if __name__ == "__main__":
    main()
