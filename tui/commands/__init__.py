"""One module per CLI command: each prints with rich and takes --json for machines."""
