"""What the browser tests ask of a page: axe-core, images, sideways scrolling."""

from pathlib import Path


def axe_script():
    """axe-core as shipped inside the axe-playwright-python package (no download)."""
    import axe_playwright_python

    path = Path(axe_playwright_python.__file__).with_name("axe.min.js")
    assert path.is_file(), f"axe-core not found at {path}"
    return path


def serious_axe_violations(page):
    """Run axe-core in the page; return its serious and critical violations, readably."""
    page.add_script_tag(path=str(axe_script()))
    result = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations;
        }"""
    )
    problems = []
    for violation in result:
        if violation["impact"] not in {"serious", "critical"}:
            continue
        lines = [f"[{violation['impact']}] {violation['id']}: {violation['help']}"]
        for node in violation["nodes"][:6]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {' > '.join(map(str, node['target']))}  -- {summary}")
        if len(violation["nodes"]) > 6:
            lines.append(f"    ... and {len(violation['nodes']) - 6} more")
        problems.append("\n".join(lines))
    return problems


RENDERED_IMAGES = "[...document.images].filter((img) => img.getClientRects().length > 0)"


def load_every_image(page):
    """Scroll through the page so lazy images load; return those that failed to.

    Only images the layout shows count: a lazy image in a hidden block never loads.
    """
    page.evaluate(
        """async () => {
            const step = Math.max(200, window.innerHeight - 100);
            for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
                window.scrollTo(0, y);
                await new Promise((resolve) => setTimeout(resolve, 40));
            }
            window.scrollTo(0, 0);
        }"""
    )
    page.wait_for_function(f"() => {RENDERED_IMAGES}.every((img) => img.complete)")
    return page.evaluate(
        f"""() => {RENDERED_IMAGES}
            .filter((img) => img.naturalWidth === 0)
            .map((img) => img.currentSrc || img.src)"""
    )


def horizontal_overflow(page):
    """How many pixels the page scrolls sideways (0 when it fits the viewport)."""
    return page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
