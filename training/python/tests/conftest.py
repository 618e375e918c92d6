"""Puts training/python on sys.path so tests import the tsestudio package from the source tree."""
import os
import sys

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..")))
