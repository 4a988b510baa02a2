"""One module per audience: facilitator, projection, participant phone."""
