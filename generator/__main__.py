"""``python -m generator`` runs the ``servicebook`` command line."""

from generator.cli import main

raise SystemExit(main())
