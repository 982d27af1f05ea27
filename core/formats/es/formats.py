# Spanish as written in the United States: Django's "es" formats group
# thousands with a dot (1.000); Spanish speakers here read 1,000 and $45,000,
# as on US forms, pay slips and the state boards' pages. Dates keep Django's
# Spanish formats ("24 de noviembre de 2026").
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
