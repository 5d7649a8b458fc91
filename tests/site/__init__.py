"""The site builds strictly, its pages agree with their data, and the README tells the truth."""
