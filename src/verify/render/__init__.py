"""Renderers: a report, or several, turned into something a person or a machine reads.

One module per output format; each is a pure function of the reports it is given.
"""
