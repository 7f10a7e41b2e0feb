"""Start the web UI: ``python webui.py [--host 127.0.0.1] [--port 7860] [--model-type vit_b] ...``
(what ``make run`` starts; ``sam-app webui`` is the same). Flags: ``--help``."""

import sys

from sam_app.ui.server import main, parse_args  # noqa: F401 - parse_args: what the tests check the flags with

if __name__ == "__main__":
    sys.exit(main())
