"""The access audit trail (contract section 6): who read or wrote which patient's data, when."""
