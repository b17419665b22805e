# Amounts are grouped with a full stop in Spanish, as in Catalan (1.234,50 €): what the office's
# spreadsheets and accounting show. Django's Spanish formats use a no-break space. Everything else
# is Django's.
THOUSAND_SEPARATOR = "."
