"""examples/quickstart.ipynb runs end to end in a fresh kernel and shows what it promises.

Needs the ``notebook`` extra (nbclient, ipykernel, nbformat, matplotlib, pandas), which
``.ci/run`` installs; any cell that raises fails the test.
"""

from __future__ import annotations

from pathlib import Path

import nbclient
import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "quickstart.ipynb"


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first cell that fails
    return notebook


def outputs(notebook: nbformat.NotebookNode, mime: str) -> list[str]:
    return [
        out["data"][mime]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if mime in out.get("data", {})
    ]


def test_notebook_runs_without_errors(executed: nbformat.NotebookNode) -> None:
    """Every code cell ran and none produced an error output."""
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert code and all(c.get("execution_count") for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]


def test_notebook_shows_the_seed_report_as_html(executed: nbformat.NotebookNode) -> None:
    """The seed report displays as marked-up HTML with the $250 billion finding and its suggestion."""
    html = outputs(executed, "text/html")
    reports = [h for h in html if 'class="vr vr-report"' in h and "$250 billion" in h]
    assert reports, "no HTML report of the seed story"
    assert 'class="vr-find s-error"' in reports[0] and "$2.5 billion" in reports[0]


def test_notebook_tabulates_the_corpus_and_plots_magnitudes(executed: nbformat.NotebookNode) -> None:
    """The corpus view, a findings table by rule, and a matplotlib figure are all shown."""
    html = outputs(executed, "text/html")
    assert any('class="vr vr-corpus"' in h for h in html)
    assert any("<table" in h and "magnitude-slip" in h and "severity" in h for h in html)
    images = outputs(executed, "image/png")
    assert images and len(images[0]) > 5_000
