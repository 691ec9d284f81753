"""One module per ``dualread`` subcommand: ``add_parser(subparsers)`` and ``run(args) -> int``."""
