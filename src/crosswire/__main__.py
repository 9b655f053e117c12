"""`python -m crosswire`: the command line (the same as the `crosswire` script)."""

from crosswire.cli import main

if __name__ == "__main__":
    main()
