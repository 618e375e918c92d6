"""Training configuration: one dataclass, loaded from YAML and adjusted by ``key=value`` overrides.

As in nanoGPT, an override must name a known key and keep its type: a typo or ``epochs=1.5`` is an error, never
silently a new setting. ``model_args`` is passed to ``build_model`` as it is; its keys are checked against the
model's own arguments, so ``model_args.stride=8`` works and ``model_args.stirde=8`` is refused.
"""

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable

import yaml

from tsestudio.training.errors import TrainingError

CHOICES = {
    "data_mode": ("dynamic", "static"),
    "loss": ("si_sdr", "sdr", "mrstft", "si_sdr+mrstft"),
    "amp": ("bf16", "none"),
    "device": ("auto", "cpu", "cuda"),
    "checkpoint_variant": ("full", "compact", "weights"),
    "checkpoint_weights_dtype": ("float32", "bfloat16"),
    # torch.compile modes; "reduce-overhead" also records the step as CUDA graphs (no per-kernel launch cost).
    "compile_mode": ("default", "reduce-overhead", "max-autotune-no-cudagraphs", "max-autotune"),
}


@dataclass
class TrainConfig:
    # Model: rebuilt from (model_name, model_args) alone, so both are stored in every checkpoint.
    model_name: str = "v8"
    model_args: Dict[str, Any] = field(default_factory=dict)  # unnamed arguments keep the model's defaults

    # Data. "dynamic": fresh mixtures from corpus_dir + recipe; "static": train_manifest (a mixture manifest).
    data_mode: str = "dynamic"
    corpus_dir: str = ""
    recipe: str = ""
    train_manifest: str = ""
    valid_manifest: str = ""
    real_valid_manifest: str = ""  # recorded human speech; when set it decides early stopping and best.pt
    segment_seconds: float = 4.0  # static training items are cropped to this length (dynamic: the recipe's)
    batch_size: int = 8
    num_workers: int = 2
    steps_per_epoch: int = 1000  # an epoch of dynamic mixing (static data: one pass over the manifest)
    valid_batch_size: int = 4
    valid_max_items: int = 0  # 0 = the whole validation set

    # Optimisation.
    epochs: int = 200
    max_steps: int = 0  # 0 = no limit other than epochs and early stopping
    lr: float = 1.0e-3
    min_lr_ratio: float = 0.01  # cosine floor as a fraction of lr
    weight_decay: float = 0.01
    beta1: float = 0.9
    beta2: float = 0.999
    grad_clip: float = 5.0
    warmup_steps: int = 1000
    restart_period_epochs: int = 10  # first cosine cycle; cycle i lasts restart_period_epochs * restart_mult**i
    restart_mult: int = 2
    loss: str = "si_sdr"
    stft_loss_weight: float = 1.0  # weight of the multi-resolution STFT term in "si_sdr+mrstft"
    amp: str = "bf16"  # autocast dtype on CUDA; CPU always runs float32
    compile: bool = False  # torch.compile the model on CUDA (Triton scan as an operator); eager if it cannot
    compile_mode: str = "default"  # with compile: torch.compile's mode (see CHOICES)
    patience: int = 35  # epochs without a better validation SI-SDRi before stopping
    min_delta: float = 0.01  # dB that count as "better"

    # Bookkeeping.
    seed: int = 1234
    device: str = "auto"
    log_every: int = 50
    checkpoint_every: int = 1000  # steps between last.pt writes (also written at each epoch end and at stop)
    keep_step_checkpoints: bool = False  # also keep step_<N>.pt copies
    checkpoint_variant: str = "full"  # "compact": optimizer moments in bf16; "weights": no optimizer state
    checkpoint_weights_dtype: str = "float32"  # "bfloat16" halves compact/weights files once more
    init_from: str = ""  # start from the weights of this checkpoint with a fresh optimizer
    rewarm_steps: int = 200  # linear warm-up after a resume without optimizer state
    max_minutes: float = 0.0  # 0 = no time limit
    stop_margin_seconds: float = 30.0  # kept before the time limit for the last checkpoint (and a first validation)

    def validate(self) -> "TrainConfig":
        for key, allowed in CHOICES.items():
            if getattr(self, key) not in allowed:
                raise TrainingError(f"config: {key} must be one of {', '.join(allowed)}, not {getattr(self, key)!r}")
        positive = ("batch_size", "steps_per_epoch", "epochs", "valid_batch_size", "log_every", "checkpoint_every")
        for key in positive + ("restart_period_epochs", "restart_mult"):
            if getattr(self, key) < 1:
                raise TrainingError(f"config: {key} must be at least 1, not {getattr(self, key)}")
        for key in ("num_workers", "max_steps", "warmup_steps", "patience", "rewarm_steps", "valid_max_items"):
            if getattr(self, key) < 0:
                raise TrainingError(f"config: {key} must not be negative, not {getattr(self, key)}")
        if self.lr <= 0 or self.segment_seconds <= 0 or self.max_minutes < 0 or self.grad_clip < 0:
            raise TrainingError("config: lr and segment_seconds must be positive, max_minutes and grad_clip >= 0")
        if self.data_mode == "dynamic" and not (self.corpus_dir and self.recipe):
            raise TrainingError("config: data_mode dynamic needs corpus_dir and recipe")
        if self.data_mode == "static" and not self.train_manifest:
            raise TrainingError("config: data_mode static needs train_manifest")
        return self

    def to_dict(self) -> Dict[str, Any]:
        return dataclasses.asdict(self)


def _coerce(key: str, value: Any, expected: Any) -> Any:
    """Return value as the type of expected, or raise: int widens to float, nothing else changes type."""
    kind = type(expected)
    if kind is float and type(value) is int:
        return float(value)
    if kind is float and isinstance(value, str):
        try:  # YAML 1.1 reads "1e-3" as a string; a float field takes it as the number it means
            return float(value)
        except ValueError:
            pass
    if type(value) is not kind:
        raise TrainingError(f"config: {key} expects {kind.__name__}, got {type(value).__name__} {value!r}")
    return value


def _parse_text(key: str, text: str, expected: Any) -> Any:
    """Parse an override's text as YAML (so true/3/0.5 are typed), then hold it to the expected type."""
    if isinstance(expected, str):
        return text  # strings are taken verbatim: "--set recipe=001" stays "001"
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        value = text
    return _coerce(key, value, expected)


def _model_defaults(model_name: str) -> Dict[str, Any]:
    """Every argument the model takes, with its default (its type is the type an override must have)."""
    from tsestudio.models.registry import default_args

    return default_args(model_name)


def _apply(config: TrainConfig, key: str, value: Any, from_text: bool) -> None:
    defaults = {f.name: getattr(config, f.name) for f in dataclasses.fields(config)}
    if key.startswith("model_args."):
        arg = key[len("model_args."):]
        known = {**_model_defaults(config.model_name), **config.model_args}
        if arg not in known:
            raise TrainingError(f"config: unknown model argument {arg!r} (known: {', '.join(sorted(known))})")
        expected = known[arg]
        config.model_args[arg] = _parse_text(key, value, expected) if from_text else _coerce(key, value, expected)
        return
    if key not in defaults:
        raise TrainingError(f"config: unknown key {key!r}")
    if key == "model_args":
        if not isinstance(value, dict):
            raise TrainingError("config: model_args must be a mapping")
        config.model_args = dict(value)
        return
    expected = defaults[key]
    setattr(config, key, _parse_text(key, value, expected) if from_text else _coerce(key, value, expected))


def load_config(path: Path, overrides: Iterable[str] = ()) -> TrainConfig:
    """Read a YAML config (every key must be known), apply ``key=value`` overrides, validate."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise TrainingError(f"{path}: cannot read config ({error.strerror})") from error
    except yaml.YAMLError as error:
        raise TrainingError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from error
    if not isinstance(data, dict):
        raise TrainingError(f"{path}: a config must be a mapping of keys to values")
    config = TrainConfig()
    try:
        for key, value in data.items():
            _apply(config, str(key), value, from_text=False)
    except TrainingError as error:
        raise TrainingError(f"{path}: {error}") from error
    apply_overrides(config, overrides)
    return config.validate()


def apply_overrides(config: TrainConfig, overrides: Iterable[str]) -> TrainConfig:
    for item in overrides:
        key, sep, text = item.partition("=")
        if not sep or not key.strip():
            raise TrainingError(f"config: override {item!r} is not of the form key=value")
        _apply(config, key.strip(), text.strip(), from_text=True)
    return config


def config_from_dict(data: Dict[str, Any]) -> TrainConfig:
    """Rebuild the config stored in a checkpoint (same checks as a YAML file)."""
    config = TrainConfig()
    for key, value in data.items():
        _apply(config, key, value, from_text=False)
    return config
