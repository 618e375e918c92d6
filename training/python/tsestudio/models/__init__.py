"""Separation models (v7, v8) and their building blocks."""
