import sys

from masthead.cli import main

sys.exit(main())
