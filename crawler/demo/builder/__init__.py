"""Generator of the static demo site from the plain-text stories in `crawler/demo/stories/`."""
