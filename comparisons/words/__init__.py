"""Words: the small text tools every stage shares, and the word-level difference between linked claims."""
