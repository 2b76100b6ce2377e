"""Pictures for the demo, painted locally with Pillow: no downloads, no fonts, no text.

Each picture is a simple scene that reads like a news photo at teaser size (a ridge at
dawn, a harbour, a skyline at dusk, farmland, a crowd's lights, a head-and-shoulders
portrait) and is fully determined by its seed. Pillow's own noise generator cannot be
seeded, so the film grain comes from `random.Random.randbytes` instead.
"""

import functools
import io
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900
PORTRAIT_SIZE = 900

# (sky top, sky at the horizon, land far, land near): dawn, noon, dusk, night, haze, storm.
PALETTES = [
    ((31, 46, 89), (242, 170, 120), (120, 104, 130), (34, 36, 52)),
    ((64, 132, 196), (196, 224, 240), (120, 150, 150), (40, 70, 52)),
    ((52, 30, 72), (250, 140, 80), (110, 70, 90), (30, 22, 38)),
    ((8, 14, 34), (42, 62, 104), (34, 44, 70), (10, 12, 22)),
    ((176, 186, 190), (232, 222, 200), (150, 150, 140), (70, 72, 66)),
    ((58, 66, 78), (150, 158, 160), (84, 92, 96), (34, 40, 42)),
    ((96, 150, 170), (236, 214, 164), (176, 140, 96), (96, 66, 44)),
]


def mix(a, b, t):
    """The colour `t` of the way from `a` to `b`."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


@functools.cache
def gradient_mask(size):
    """Black at the top to white at the bottom; cached because every picture needs one."""
    return Image.linear_gradient("L").resize(size, Image.BILINEAR)


@functools.cache
def vignette_mask(size):
    """How much to darken each pixel: nothing in the middle, about a fifth at the corners."""
    edge = Image.radial_gradient("L").resize(size, Image.BILINEAR)
    return edge.point(lambda v: min(255, v * 0.55))


def vertical_gradient(size, top, bottom):
    mask = gradient_mask(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def soft_layer(size, draw_fn, blur):
    """An "L" mask drawn at quarter size and blurred there: glows and bokeh, cheaply."""
    small = Image.new("L", (size[0] // 4, size[1] // 4), 0)
    draw_fn(ImageDraw.Draw(small), 0.25)
    return small.filter(ImageFilter.GaussianBlur(blur / 4)).resize(size, Image.BILINEAR)


def ridge(rng, width, base, roughness, steps=7):
    """A hill line by midpoint displacement: returns heights at evenly spaced x."""
    heights = [base + rng.uniform(-1, 1) * roughness, base + rng.uniform(-1, 1) * roughness]
    spread = roughness
    for _ in range(steps):
        spread *= 0.55
        refined = []
        for left, right in zip(heights, heights[1:], strict=False):
            refined += [left, (left + right) / 2 + rng.uniform(-1, 1) * spread]
        heights = refined + [heights[-1]]
    step = width / (len(heights) - 1)
    return [(round(i * step), round(h)) for i, h in enumerate(heights)]


def add_sun(img, rng, palette, horizon):
    x = rng.randint(WIDTH // 6, WIDTH * 5 // 6)
    y = rng.randint(horizon // 3, horizon - 40)
    radius = rng.randint(40, 90)
    glow_colour = mix(palette[1], (255, 244, 214), 0.6)

    def glow(draw, k):
        r = radius * 3.2 * k
        draw.ellipse((x * k - r, y * k - r, x * k + r, y * k + r), fill=150)

    img.paste(Image.new("RGB", img.size, glow_colour), mask=soft_layer(img.size, glow, 120))
    ImageDraw.Draw(img).ellipse(
        (x - radius, y - radius, x + radius, y + radius), fill=mix(glow_colour, (255,) * 3, 0.5)
    )
    return x


def add_ridges(img, rng, palette, horizon, layers):
    draw = ImageDraw.Draw(img)
    for k in range(layers):
        t = (k + 1) / layers
        colour = mix(palette[2], palette[3], t)
        base = horizon + (HEIGHT - horizon) * (t**1.6) * 0.8 - 40
        line = ridge(rng, WIDTH, base, rng.uniform(30, 110) * (1.2 - t * 0.6))
        draw.polygon(line + [(WIDTH, HEIGHT), (0, HEIGHT)], fill=colour)


def add_far_hills(img, rng, palette, horizon):
    """One low, hazy ridge sitting on the horizon."""
    line = ridge(rng, WIDTH, horizon - rng.uniform(10, 40), rng.uniform(10, 35))
    colour = mix(palette[1], palette[2], 0.55)
    ImageDraw.Draw(img).polygon(line + [(WIDTH, horizon + 2), (0, horizon + 2)], fill=colour)


def add_water(img, rng, palette, horizon, sun_x):
    water = vertical_gradient(
        (WIDTH, HEIGHT - horizon), mix(palette[1], palette[3], 0.35), palette[3]
    )
    img.paste(water, (0, horizon))
    draw = ImageDraw.Draw(img)
    shine = mix(palette[1], (255, 255, 255), 0.4)
    for _ in range(140):
        y = rng.randint(horizon + 4, HEIGHT)
        depth = (y - horizon) / (HEIGHT - horizon)
        length = rng.randint(10, 60) * (1 + depth * 3)
        near_sun = sun_x is not None and rng.random() < 0.6
        x = rng.gauss(sun_x, 40 + depth * 120) if near_sun else rng.uniform(0, WIDTH)
        colour = shine if near_sun else mix(palette[1], palette[3], 0.3 + depth * 0.4)
        draw.line((x - length / 2, y, x + length / 2, y), fill=colour, width=1 + int(depth * 3))


def add_boats(img, rng, palette, horizon):
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(1, 4)):
        x = rng.randint(80, WIDTH - 200)
        y = horizon + rng.randint(20, 160)
        w = rng.randint(60, 140)
        hull = [(x, y), (x + w, y), (x + w * 0.85, y + w * 0.18), (x + w * 0.12, y + w * 0.18)]
        draw.polygon(hull, fill=palette[3])
        draw.line((x + w * 0.45, y, x + w * 0.45, y - w * 0.9), fill=palette[3], width=3)


def add_skyline(img, rng, palette, horizon):
    draw = ImageDraw.Draw(img)
    window = mix(palette[1], (255, 226, 150), 0.7)
    for layer, shade in ((0, 0.55), (1, 1.0)):
        colour = mix(palette[2], palette[3], shade)
        x = -rng.randint(0, 40)
        while x < WIDTH:
            w = rng.randint(50, 150)
            top = horizon - rng.randint(60, 380) * (0.6 if layer == 0 else 1.0)
            draw.rectangle((x, top, x + w, HEIGHT), fill=colour)
            if layer == 1:
                lit_share = rng.uniform(0.1, 0.45)
                for wy in range(int(top) + 14, HEIGHT - 10, 22):
                    for wx in range(x + 8, x + w - 12, 16):
                        if rng.random() < lit_share:
                            draw.rectangle((wx, wy, wx + 7, wy + 10), fill=window)
            x += w + rng.randint(-10, 14)


def add_fields(img, rng, palette, horizon):
    """Strips of farmland running towards a vanishing point on the horizon."""
    draw = ImageDraw.Draw(img)
    vanish = rng.randint(WIDTH // 4, WIDTH * 3 // 4)
    crops = [(164, 150, 74), (118, 132, 60), (190, 170, 104), (90, 110, 56), (140, 112, 70)]
    edges = sorted(rng.uniform(-WIDTH, WIDTH * 2) for _ in range(14))
    for left, right in zip(edges, edges[1:], strict=False):
        colour = mix(rng.choice(crops), palette[3], 0.25)
        draw.polygon([(vanish, horizon), (left, HEIGHT), (right, HEIGHT)], fill=colour)


def add_bokeh(img, rng, palette, count):
    for hue in (palette[1], mix(palette[1], (255, 210, 120), 0.6), (250, 250, 240)):
        spots = [
            (rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT), rng.uniform(12, 70))
            for _ in range(count // 3)
        ]

        def circles(draw, k, spots=spots):
            for x, y, r in spots:
                draw.ellipse(((x - r) * k, (y - r) * k, (x + r) * k, (y + r) * k), fill=110)

        img.paste(Image.new("RGB", img.size, hue), mask=soft_layer(img.size, circles, 10))


def add_crowd(img, rng, palette, horizon):
    """Rows of heads and shoulders in silhouette, as seen from the back of a hall."""
    draw = ImageDraw.Draw(img)
    rows = 7
    for row in range(rows):
        t = row / (rows - 1)
        y = horizon + (HEIGHT - horizon) * t**1.4
        size = 18 + 150 * t**2
        colour = mix(palette[2], palette[3], 0.3 + t * 0.7)
        x = -rng.uniform(0, size)
        while x < WIDTH + size:
            head_y = y - size * rng.uniform(0.9, 1.3)
            draw.ellipse((x, head_y, x + size * 0.75, head_y + size * 0.9), fill=colour)
            draw.rounded_rectangle(
                (x - size * 0.4, head_y + size * 0.8, x + size * 1.15, HEIGHT), size * 0.4, colour
            )
            x += size * rng.uniform(0.9, 1.4)


def finish(img, rng):
    """Vignette and deterministic grain: the two things that make flat shapes look shot."""
    img = Image.composite(Image.new("RGB", img.size, (0, 0, 0)), img, vignette_mask(img.size))
    grain_size = (img.width // 2, img.height // 2)
    grain = Image.frombytes("L", grain_size, rng.randbytes(grain_size[0] * grain_size[1]))
    return Image.blend(img, grain.resize(img.size, Image.BILINEAR).convert("RGB"), 0.05)


def landscape(img, rng, palette):
    horizon = rng.randint(HEIGHT * 2 // 5, HEIGHT * 3 // 5)
    if rng.random() < 0.7:
        add_sun(img, rng, palette, horizon)
    add_ridges(img, rng, palette, horizon, rng.randint(3, 6))


def harbour(img, rng, palette):
    horizon = rng.randint(HEIGHT * 2 // 5, HEIGHT // 2)
    sun_x = add_sun(img, rng, palette, horizon) if rng.random() < 0.8 else None
    add_far_hills(img, rng, palette, horizon)
    add_water(img, rng, palette, horizon, sun_x)
    add_boats(img, rng, palette, horizon)


def skyline(img, rng, palette):
    horizon = rng.randint(HEIGHT * 3 // 5, HEIGHT * 4 // 5)
    add_skyline(img, rng, palette, horizon)


def farmland(img, rng, palette):
    horizon = rng.randint(HEIGHT // 3, HEIGHT // 2)
    if rng.random() < 0.5:
        add_sun(img, rng, palette, horizon)
    add_far_hills(img, rng, palette, horizon)
    add_fields(img, rng, palette, horizon)


def gathering(img, rng, palette):
    add_bokeh(img, rng, palette, 90)
    add_crowd(img, rng, palette, HEIGHT * 3 // 5)


def podium(img, rng, palette):
    """A briefing room: a panelled backdrop, two plain banners, a lectern and microphones."""
    draw = ImageDraw.Draw(img)
    wall = mix(palette[0], (40, 50, 70), 0.5)
    for i, x in enumerate(range(0, WIDTH, 200)):
        draw.rectangle((x, 0, x + 196, HEIGHT), fill=mix(wall, (255, 255, 255), 0.04 * (i % 2)))
    banner = rng.choice([(150, 40, 50), (30, 80, 150), (40, 120, 80), (190, 150, 60)])
    for bx in (rng.randint(100, 260), rng.randint(WIDTH - 440, WIDTH - 280)):
        for j in range(16):
            fold = abs((j % 6) - 2.5) / 2.5  # lighter and darker bands read as cloth folds
            x = bx + j * 11
            colour = mix(banner, (0, 0, 0), 0.3 * fold)
            draw.rectangle((x, 60, x + 11, HEIGHT * 3 // 4), fill=colour)
    cx = WIDTH // 2 + rng.randint(-200, 200)

    def spotlight(draw, k):
        draw.ellipse(((cx - 420) * k, 120 * k, (cx + 420) * k, 640 * k), fill=70)

    img.paste(Image.new("RGB", img.size, palette[1]), mask=soft_layer(img.size, spotlight, 140))
    draw = ImageDraw.Draw(img)
    lectern = mix(palette[3], (60, 40, 30), 0.5)
    draw.polygon(
        [(cx - 170, 540), (cx + 170, 540), (cx + 140, HEIGHT), (cx - 140, HEIGHT)], lectern
    )
    for _ in range(rng.randint(3, 7)):
        mx = cx + rng.randint(-120, 120)
        my = rng.randint(440, 500)
        draw.line((mx, my, cx + rng.randint(-30, 30), 545), fill=(20, 20, 20), width=4)
        draw.rounded_rectangle((mx - 9, my - 18, mx + 9, my + 14), 8, fill=(30, 30, 32))


SCENES = {
    "podium": podium,
    "landscape": landscape,
    "harbour": harbour,
    "skyline": skyline,
    "farmland": farmland,
    "gathering": gathering,
}


def scene_jpeg(kind, seed):
    """A 1600x900 JPEG of the given scene kind, the same bytes for the same seed."""
    rng = random.Random(f"{kind}:{seed}")
    palette = PALETTES[rng.randrange(len(PALETTES))]
    img = vertical_gradient((WIDTH, HEIGHT), palette[0], palette[1])
    SCENES[kind](img, rng, palette)
    return to_jpeg(finish(img, rng))


SKIN = [(241, 203, 170), (224, 172, 130), (198, 140, 100), (160, 106, 72), (112, 74, 52)]
HAIR = [(30, 24, 22), (70, 48, 32), (120, 84, 50), (180, 170, 160), (20, 20, 24)]


def portrait_jpeg(seed):
    """A softly lit head-and-shoulders figure against a studio backdrop, square."""
    rng = random.Random(f"portrait:{seed}")
    size = (PORTRAIT_SIZE, PORTRAIT_SIZE)
    palette = PALETTES[rng.randrange(len(PALETTES))]
    img = vertical_gradient(size, mix(palette[1], (240, 240, 240), 0.4), palette[0])
    skin, hair = rng.choice(SKIN), rng.choice(HAIR)
    coat = mix(rng.choice(PALETTES)[3], (90, 90, 110), rng.uniform(0, 0.5))
    cx = PORTRAIT_SIZE // 2 + rng.randint(-40, 40)
    w, h = rng.randint(230, 260), rng.randint(300, 330)
    top = rng.randint(170, 210)
    draw = ImageDraw.Draw(img)
    if rng.random() < 0.4:  # long hair falls behind the shoulders
        draw.rounded_rectangle((cx - w * 0.62, top - 20, cx + w * 0.62, top + h + 160), 120, hair)
    draw.rounded_rectangle((cx - 380, top + h + 50, cx + 380, PORTRAIT_SIZE + 300), 260, coat)
    draw.polygon(
        [(cx - 70, top + h + 50), (cx + 70, top + h + 50), (cx, top + h + 170)],
        fill=mix(coat, (255, 255, 255), rng.choice([0.15, 0.8])),
    )
    draw.rectangle((cx - 52, top + h - 60, cx + 52, top + h + 70), fill=mix(skin, (0, 0, 0), 0.15))
    for side in (-1, 1):  # ears
        ex = cx + side * w // 2
        draw.ellipse((ex - 22, top + h * 0.42, ex + 22, top + h * 0.62), fill=skin)
    draw.ellipse((cx - w // 2, top, cx + w // 2, top + h), fill=skin)
    drop = rng.randint(40, 110)
    draw.chord((cx - w / 2 - 14, top - 30, cx + w / 2 + 14, top + h * 0.45 + drop), 180, 360, hair)
    shade = Image.new("L", size, 0)  # key light from one side: darken the other half
    shade_side = cx if rng.random() < 0.5 else cx - w
    ImageDraw.Draw(shade).rectangle((shade_side, 0, shade_side + w, PORTRAIT_SIZE), fill=60)
    shade = shade.filter(ImageFilter.GaussianBlur(60))
    img = Image.composite(Image.new("RGB", size, (0, 0, 0)), img, shade)
    img = img.filter(ImageFilter.GaussianBlur(2))
    return to_jpeg(finish(img, rng))


def to_jpeg(img):
    out = io.BytesIO()
    img.save(out, "JPEG", quality=84, progressive=True)  # progressive implies optimised tables
    return out.getvalue()
