"""Puts training/python on sys.path so the tests import the in-tree `tsestudio` package."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
