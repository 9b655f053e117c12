"""`python -m crosswire.cli ...` runs the `crosswire` command."""

from crosswire.cli import main

main()
