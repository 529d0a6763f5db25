"""The framing measures: how outlets word the same person or topic, as pure functions over articles."""
