"""CMMI-SVC Service Delivery: which records, pages and commits evidence each practice."""
