# Dates as American English writes them: "November 22, 2026".
DATE_FORMAT = "F j, Y"
