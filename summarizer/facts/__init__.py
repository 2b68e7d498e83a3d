"""Facts in sentences: figures, and whether two sentences state the same fact or differ on it."""
