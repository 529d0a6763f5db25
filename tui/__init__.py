"""Everything the terminal shows: the `newsframe` command line (rich) and the Textual app."""
