"""Pick the device and the number format the embedder runs in, from what this machine offers.

bf16 halves the memory traffic of every matrix product and runs on the AMX
or AVX-512-BF16 units of recent x86 CPUs (and on CUDA GPUs from Ampere on).
Measured here (benchmarks/speed.py) it keeps embeddings within cosine 0.9999
of fp32, so ``auto`` takes it wherever the hardware supports it natively and
falls back to fp32 elsewhere, where emulated bf16 would be slower.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from summarizer.errors import ModelError, UsageError

PRECISIONS = ("auto", "fp32", "bf16")
DEVICES = ("auto", "cpu", "cuda")
BF16_CPU_FLAGS = frozenset({"avx512_bf16", "amx_bf16"})


@lru_cache(maxsize=1)
def cpu_info() -> dict[str, str]:
    """The first processor's fields in /proc/cpuinfo (Linux; empty elsewhere)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    fields: dict[str, str] = {}
    for line in text.split("\n\n", 1)[0].splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def cpu_flags() -> frozenset[str]:
    """The CPU's feature flags (empty where /proc/cpuinfo is absent)."""
    return frozenset(cpu_info().get("flags", "").split())


GPU_DEVICE_NODES = ("/dev/nvidiactl", "/dev/nvidia0", "/dev/kfd", "/dev/dxg")  # NVIDIA, AMD ROCm, WSL


def gpu_may_exist() -> bool:
    """False only on Linux with no GPU device node, where torch cannot see a GPU: no need to import it to know."""
    if not sys.platform.startswith("linux"):
        return True
    return any(Path(node).exists() for node in GPU_DEVICE_NODES)


def resolve_device(device: str) -> str:
    """``auto`` is CUDA when a GPU is visible, else the CPU (torch is imported only where a GPU may exist)."""
    if device not in DEVICES:
        raise UsageError(f"unknown --device {device!r}: use one of {', '.join(DEVICES)}")
    if device == "cpu" or (device == "auto" and not gpu_may_exist()):
        return "cpu"
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if device == "cuda":
        raise ModelError("--device cuda: no CUDA GPU is visible to torch")
    return "cpu"


def resolve_precision(precision: str, device: str) -> str:
    """``auto`` is bf16 on CPUs with native bf16 units and on bf16-capable GPUs, else fp32."""
    if precision not in PRECISIONS:
        raise UsageError(f"unknown --precision {precision!r}: use one of {', '.join(PRECISIONS)}")
    if precision != "auto":
        return precision
    if device == "cuda":
        import torch

        return "bf16" if torch.cuda.is_bf16_supported() else "fp32"
    return "bf16" if cpu_flags() & BF16_CPU_FLAGS else "fp32"


def torch_dtype(precision: str) -> object:
    """The torch dtype of a resolved precision."""
    import torch

    return torch.bfloat16 if precision == "bf16" else torch.float32
