"""Import requests from another tool's CSV export (``servicebook import csv``).

``mapping`` describes a source's columns and values, ``reader`` streams its rows,
``convert`` turns one ticket's rows into a request record (pure), ``records`` renders the
record files and the skeleton records they need, and ``writer`` puts them on disk.
"""
