"""One module per subcommand, each with a ``run`` returning a
:class:`~generator.commands.result.CommandResult`; ``generator.cli`` parses and prints."""
