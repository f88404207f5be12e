"""`python -m sourcetrace` runs the command line."""

from .cli import main

main()
