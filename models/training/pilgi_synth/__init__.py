"""Synthetic filled Korean forms and handwriting lines for training and validating Pilgi's models."""
