"""Scoring against golds: the sample gold (bench/gold/sample) and the extraction metric.

Evaluation code lives here, outside the shipped package. Tests reach it through
tests/conftest.py, which puts bench/ on sys.path.
"""
