"""Procedural pictures for the demo content.

Every picture is drawn with Pillow alone (polygons, ellipses, lines), so the
demo needs no image files and no network. ``draw_scene(scene, seed)`` paints a
recognisable landscape-format scene; ``draw_portrait(seed)`` a square
head-and-shoulders portrait. The seed picks colours, time of day and layout
through its own ``random.Random``, so the same arguments always give the same
picture.
"""

from __future__ import annotations

import itertools
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

__all__ = ["SCENES", "draw_portrait", "draw_scene"]

SCENES: tuple[str, ...] = (
    "skyline",
    "street",
    "harbour",
    "park",
    "market",
    "tram",
    "stadium",
    "chamber",
    "portrait",
    "campus",
    "storm",
    "hospital",
    "beach",
    "construction",
    "stage",
    "windfarm",
)

# Scenes are drawn at twice the requested size and reduced, which smooths
# the edges of thin diagonals (cables, crane booms, rain) at little cost.
_SUPERSAMPLE = 2

Color = tuple[int, int, int]

# --------------------------------------------------------------------------
# Colour helpers
# --------------------------------------------------------------------------


def _clamp(v: float) -> int:
    return 0 if v < 0 else 255 if v > 255 else int(v)


def _mix(a: Color, b: Color, t: float) -> Color:
    return (
        _clamp(a[0] + (b[0] - a[0]) * t),
        _clamp(a[1] + (b[1] - a[1]) * t),
        _clamp(a[2] + (b[2] - a[2]) * t),
    )


def _scale(c: Color, k: float) -> Color:
    return (_clamp(c[0] * k), _clamp(c[1] * k), _clamp(c[2] * k))


def _jitter(rng: random.Random, c: Color, amount: int = 12) -> Color:
    return tuple(_clamp(v + rng.randint(-amount, amount)) for v in c)  # type: ignore[return-value]


def _stops_at(stops: list[tuple[float, Color]], t: float) -> Color:
    if t <= stops[0][0]:
        return stops[0][1]
    for (t0, c0), (t1, c1) in itertools.pairwise(stops):
        if t <= t1:
            return _mix(c0, c1, (t - t0) / (t1 - t0) if t1 > t0 else 0.0)
    return stops[-1][1]


def _vgradient(draw: ImageDraw.ImageDraw, box, stops) -> None:
    x0, y0, x1, y1 = (round(v) for v in box)
    span = max(1, y1 - y0)
    for y in range(y0, y1):
        draw.line([(x0, y), (x1, y)], fill=_stops_at(stops, (y - y0) / span))


# --------------------------------------------------------------------------
# Light: time of day
# --------------------------------------------------------------------------

_MOODS: dict[str, dict] = {
    "day": {
        "sky": [(0.0, (74, 128, 202)), (0.65, (140, 182, 226)), (1.0, (204, 221, 236))],
        "light": (1.0, 1.0, 1.0),
        "sun": (255, 250, 232),
        "sun_height": (0.12, 0.35),
        "lit": 0.04,
        "water": [(0.0, (88, 132, 168)), (1.0, (36, 72, 108))],
        "cloud": (246, 248, 252),
    },
    "golden": {
        "sky": [(0.0, (84, 110, 170)), (0.5, (206, 166, 146)), (1.0, (250, 204, 144))],
        "light": (1.06, 0.9, 0.72),
        "sun": (255, 232, 176),
        "sun_height": (0.55, 0.8),
        "lit": 0.18,
        "water": [(0.0, (196, 152, 120)), (1.0, (54, 66, 96))],
        "cloud": (250, 214, 178),
    },
    "dusk": {
        "sky": [(0.0, (26, 32, 80)), (0.45, (94, 66, 124)), (0.8, (218, 114, 94)), (1.0, (246, 168, 106))],
        "light": (0.56, 0.48, 0.6),
        "sun": (255, 178, 112),
        "sun_height": (0.85, 0.97),
        "lit": 0.55,
        "water": [(0.0, (164, 100, 102)), (1.0, (24, 28, 58))],
        "cloud": (150, 94, 128),
    },
    "night": {
        "sky": [(0.0, (6, 9, 26)), (0.7, (18, 27, 60)), (1.0, (42, 52, 92))],
        "light": (0.26, 0.3, 0.42),
        "moon": (236, 236, 222),
        "sun_height": (0.1, 0.3),
        "lit": 0.6,
        "water": [(0.0, (30, 38, 70)), (1.0, (6, 10, 24))],
        "cloud": (40, 46, 74),
    },
    "overcast": {
        "sky": [(0.0, (118, 126, 138)), (1.0, (194, 198, 204))],
        "light": (0.82, 0.85, 0.9),
        "sun_height": (0.2, 0.3),
        "lit": 0.14,
        "water": [(0.0, (128, 140, 150)), (1.0, (60, 72, 84))],
        "cloud": (160, 166, 176),
    },
}


def _pick_mood(rng: random.Random, allowed=("day", "day", "golden", "dusk", "night", "overcast")) -> dict:
    name = rng.choice(allowed)
    mood = dict(_MOODS[name])
    mood["name"] = name
    return mood


def _lit(mood: dict, c: Color) -> Color:
    lr, lg, lb = mood["light"]
    return (_clamp(c[0] * lr), _clamp(c[1] * lg), _clamp(c[2] * lb))


def _horizon_color(mood: dict) -> Color:
    return mood["sky"][-1][1]


def _haze(mood: dict, c: Color, t: float) -> Color:
    """Light a colour and fade it towards the horizon by t (0 = near)."""
    return _mix(_lit(mood, c), _horizon_color(mood), t)


# --------------------------------------------------------------------------
# Shared elements
# --------------------------------------------------------------------------


def _sky(draw, rng, mood, W, horizon, clouds=True):
    _vgradient(draw, (0, 0, W, horizon + 2), mood["sky"])
    if mood["name"] == "night":
        for _ in range(int(W / 12)):
            x, y = rng.uniform(0, W), rng.uniform(0, horizon * 0.8)
            r = rng.uniform(0.6, 1.6) * W / 1600
            b = rng.randint(150, 255)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(b, b, min(255, b + 10)))
        mx, my, mr = rng.uniform(W * 0.1, W * 0.9), horizon * rng.uniform(0.12, 0.35), W * 0.025
        for i in range(6, 0, -1):
            g = _mix(mood["sky"][1][1], (90, 96, 120), 0.15 * (7 - i) / 6)
            draw.ellipse(
                [
                    mx - mr * (1 + i * 0.35),
                    my - mr * (1 + i * 0.35),
                    mx + mr * (1 + i * 0.35),
                    my + mr * (1 + i * 0.35),
                ],
                fill=g,
            )
        draw.ellipse([mx - mr, my - mr, mx + mr, my + mr], fill=mood["moon"])
    elif "sun" in mood:
        lo, hi = mood["sun_height"]
        sx, sy, sr = rng.uniform(W * 0.15, W * 0.85), horizon * rng.uniform(lo, hi), W * rng.uniform(0.022, 0.032)
        for i in range(8, 0, -1):
            k = 1 + i * 0.5
            draw.ellipse(
                [sx - sr * k, sy - sr * k, sx + sr * k, sy + sr * k],
                fill=_mix(_stops_at(mood["sky"], sy / max(1, horizon)), mood["sun"], 0.5 / i),
            )
        draw.ellipse([sx - sr, sy - sr, sx + sr, sy + sr], fill=mood["sun"])
    if clouds:
        n = {"overcast": 14, "night": 4}.get(mood["name"], rng.randint(3, 7))
        for _ in range(n):
            _cloud(
                draw,
                rng,
                rng.uniform(-0.1, 1.1) * W,
                rng.uniform(0.08, 0.7) * horizon,
                W * rng.uniform(0.08, 0.2),
                mood["cloud"],
                mood,
            )


def _cloud(draw, rng, x, y, size, color, mood):
    shadow = _mix(color, mood["sky"][0][1], 0.25)
    puffs = [
        (rng.uniform(-size, size), rng.uniform(-size * 0.12, size * 0.08), size * rng.uniform(0.25, 0.5))
        for _ in range(rng.randint(5, 9))
    ]
    for ox, oy, r in puffs:
        draw.ellipse([x + ox - r, y + oy - r * 0.55 + r * 0.15, x + ox + r, y + oy + r * 0.55 + r * 0.15], fill=shadow)
    for ox, oy, r in puffs:
        draw.ellipse([x + ox - r * 0.95, y + oy - r * 0.55, x + ox + r * 0.95, y + oy + r * 0.5], fill=color)


def _person(draw, x, yb, h, body, rng, legs=None, head=None, arms_up=False):
    """A walking figure seen from the front or back: feet at (x, yb), height h."""
    legs = legs or _scale(body, 0.55)
    head = head or body
    hr = h * 0.072
    top = yb - h
    sw, hw = h * 0.125, h * 0.09
    neck = top + 2 * hr
    hip = yb - h * 0.47
    stride = h * rng.uniform(-0.06, 0.06)
    lw = h * 0.05
    draw.polygon(
        [
            (x - hw, hip - h * 0.02),
            (x - hw + lw * 1.6, hip - h * 0.02),
            (x - stride * 0.3 + lw * 0.4, yb),
            (x - stride - lw * 0.6, yb),
        ],
        fill=legs,
    )
    draw.polygon(
        [
            (x + hw, hip - h * 0.02),
            (x + hw - lw * 1.6, hip - h * 0.02),
            (x + stride * 0.3 - lw * 0.4, yb),
            (x + stride + lw * 0.6, yb),
        ],
        fill=legs,
    )
    aw = max(1, int(h * 0.055))
    if arms_up:
        draw.line([(x - sw * 0.8, neck + h * 0.05), (x - sw * 1.5, top - h * 0.05)], fill=body, width=aw)
        draw.line([(x + sw * 0.8, neck + h * 0.05), (x + sw * 1.5, top - h * 0.05)], fill=body, width=aw)
    else:
        swing = h * rng.uniform(-0.04, 0.04)
        draw.line([(x - sw * 0.85, neck + h * 0.05), (x - sw * 1.05 + swing, hip + h * 0.02)], fill=body, width=aw)
        draw.line([(x + sw * 0.85, neck + h * 0.05), (x + sw * 1.05 - swing, hip + h * 0.02)], fill=body, width=aw)
    draw.polygon(
        [(x - sw, neck + h * 0.04), (x + sw, neck + h * 0.04), (x + hw, hip + h * 0.03), (x - hw, hip + h * 0.03)],
        fill=body,
    )
    draw.ellipse([x - sw, neck + h * 0.005, x + sw, neck + h * 0.09], fill=body)
    draw.ellipse([x - hr, top, x + hr, top + 2.1 * hr], fill=head)


_CLOTHES: list[Color] = [
    (38, 52, 86),
    (120, 36, 44),
    (46, 84, 62),
    (186, 150, 96),
    (70, 70, 76),
    (214, 200, 180),
    (92, 120, 168),
    (170, 84, 40),
    (56, 36, 70),
    (200, 196, 60),
    (28, 28, 32),
    (150, 40, 90),
]
_SKINS: list[Color] = [
    (250, 222, 196),
    (238, 196, 162),
    (222, 170, 128),
    (196, 140, 98),
    (160, 108, 72),
    (118, 80, 54),
    (92, 62, 44),
]


def _crowd_person(draw, rng, mood, x, yb, h):
    body = _lit(mood, _jitter(rng, rng.choice(_CLOTHES), 14))
    _person(
        draw,
        x,
        yb,
        h,
        body,
        rng,
        legs=_lit(mood, rng.choice([(40, 44, 60), (70, 62, 56), (30, 30, 34), (90, 100, 120)])),
        head=_lit(mood, rng.choice(_SKINS)),
    )


def _tree(draw, rng, mood, x, yb, h, kind=None, haze=0.0):
    kind = kind or rng.choice(["round", "round", "tall", "conifer"])
    base = rng.choice([(58, 110, 52), (76, 124, 60), (44, 92, 58), (96, 132, 64)])
    if mood["name"] == "golden":
        base = _mix(base, (150, 120, 50), 0.3)
    greens = [_haze(mood, _jitter(rng, _scale(base, k), 8), haze) for k in (0.7, 0.85, 1.0, 1.15)]
    trunk = _haze(mood, (84, 62, 44), haze)
    tw = h * 0.05
    if kind == "conifer":
        draw.rectangle([x - tw / 2, yb - h * 0.2, x + tw / 2, yb], fill=trunk)
        for i in range(4):
            y0 = yb - h * (0.15 + i * 0.2)
            wdt = h * (0.32 - i * 0.06)
            draw.polygon([(x - wdt, y0), (x + wdt, y0), (x, y0 - h * 0.38)], fill=greens[i % 4])
        return
    draw.polygon([(x - tw, yb), (x + tw, yb), (x + tw * 0.5, yb - h * 0.55), (x - tw * 0.5, yb - h * 0.55)], fill=trunk)
    r = h * (0.3 if kind == "round" else 0.22)
    cy = yb - h + r * (1.05 if kind == "round" else 1.6)
    stretch = 1.0 if kind == "round" else 1.6
    for i in range(9):
        ox = rng.uniform(-r * 0.6, r * 0.6)
        oy = rng.uniform(-r * 0.55, r * 0.45) * stretch
        rr = r * rng.uniform(0.45, 0.72)
        draw.ellipse(
            [x + ox - rr, cy + oy - rr * stretch * 0.8, x + ox + rr, cy + oy + rr * stretch * 0.8],
            fill=greens[min(3, i // 2)],
        )


def _windows(draw, rng, mood, x0, y0, x1, y1, cols, rows, frame, glass, lit_p=None, margin=0.18):
    lit_p = mood["lit"] if lit_p is None else lit_p
    cw = (x1 - x0) / cols
    rh = (y1 - y0) / rows
    for r in range(rows):
        for c in range(cols):
            wx0 = x0 + c * cw + cw * margin
            wy0 = y0 + r * rh + rh * margin
            if rng.random() < lit_p:
                col = rng.choice([(255, 214, 130), (255, 232, 170), (250, 200, 110), (230, 236, 255)])
            else:
                col = _jitter(rng, glass, 10)
            draw.rectangle([wx0, wy0, x0 + (c + 1) * cw - cw * margin, y0 + (r + 1) * rh - rh * margin * 0.6], fill=col)


def _camera(cx, hz, f, cam_h):
    def project(X, Y, Z):
        return (cx + f * X / Z, hz + f * (cam_h - Y) / Z)

    return project


def _finish(
    img: Image.Image, rng: random.Random, width: int, height: int, grain: float = 7.0, vignette: float = 0.22
) -> Image.Image:
    if img.size != (width, height):
        img = (
            img.reduce(_SUPERSAMPLE)
            if img.size == (width * _SUPERSAMPLE, height * _SUPERSAMPLE)
            else img.resize((width, height), Image.LANCZOS)
        )
    if vignette:
        grad = Image.radial_gradient("L").resize((width, height), Image.BILINEAR)
        # radial_gradient is 0 at the centre and 255 at the edge.
        mask = grad.point(lambda v: 255 - int(vignette * 255 * max(0.0, (v - 90) / 165) ** 1.6))
        img = ImageChops.multiply(img, Image.merge("RGB", (mask, mask, mask)))
    if grain:
        # Uniform noise from the seeded generator keeps the picture deterministic.
        k = grain / 128.0
        noise = Image.frombytes("L", (width, height), rng.randbytes(width * height))
        noise = noise.point(lambda v: _clamp(128 + (v - 128) * k)).convert("RGB")
        img = ImageChops.add(img, noise, 1.0, -128)
    return img


def _canvas(width, height, fill=(0, 0, 0)):
    W, H = width * _SUPERSAMPLE, height * _SUPERSAMPLE
    img = Image.new("RGB", (W, H), fill)
    return img, ImageDraw.Draw(img), W, H


# --------------------------------------------------------------------------
# Scenes
# --------------------------------------------------------------------------


def _scene_skyline(rng, W, H, img, draw):
    mood = _pick_mood(rng)
    base = H * rng.uniform(0.68, 0.76)
    _sky(draw, rng, mood, W, int(base))
    # far towers
    x = -W * 0.02
    while x < W:
        w = W * rng.uniform(0.025, 0.06)
        h = H * rng.uniform(0.08, 0.34)
        col = _haze(mood, _jitter(rng, (96, 104, 120), 10), 0.55)
        draw.rectangle([x, base - h, x + w, base], fill=col)
        if mood["lit"] > 0.3:
            _windows(
                draw,
                rng,
                mood,
                x + w * 0.1,
                base - h + h * 0.05,
                x + w * 0.9,
                base,
                max(2, int(w / (W * 0.008))),
                max(3, int(h / (H * 0.02))),
                col,
                _mix(col, (0, 0, 0), 0.15),
                lit_p=mood["lit"] * 0.5,
                margin=0.3,
            )
        x += w * rng.uniform(0.7, 1.1)
    # near towers, sorted so taller stand behind
    towers = []
    x = -W * 0.03
    while x < W:
        w = W * rng.uniform(0.045, 0.1)
        h = H * rng.uniform(0.14, 0.58) * (1.25 if abs(x - W * 0.5) < W * 0.22 else 1.0)
        towers.append((x, w, h))
        x += w * rng.uniform(0.8, 1.25)
    palettes = [
        (150, 156, 166),
        (112, 140, 172),
        (176, 160, 140),
        (136, 92, 76),
        (92, 110, 132),
        (190, 192, 196),
        (70, 84, 104),
    ]
    reflections = []
    for x, w, h in sorted(towers, key=lambda t: -t[2]):
        raw = _jitter(rng, rng.choice(palettes), 10)
        col = _lit(mood, raw)
        side = _scale(col, 0.78)
        top = base - h
        style = rng.random()
        draw.rectangle([x, top, x + w, base], fill=col)
        draw.rectangle([x + w * 0.78, top, x + w, base], fill=side)
        if style < 0.25:  # stepped crown
            draw.rectangle([x + w * 0.15, top - h * 0.08, x + w * 0.85, top], fill=col)
            draw.rectangle([x + w * 0.3, top - h * 0.14, x + w * 0.7, top - h * 0.08], fill=col)
            draw.line(
                [(x + w * 0.5, top - h * 0.14), (x + w * 0.5, top - h * 0.3)], fill=side, width=max(2, int(W * 0.002))
            )
        elif style < 0.4:  # pitched glass top
            draw.polygon(
                [(x, top), (x + w, top), (x + w * 0.5, top - w * 0.6)], fill=_mix(col, _horizon_color(mood), 0.2)
            )
        elif style < 0.5:  # rounded top
            draw.pieslice([x, top - w * 0.5, x + w, top + w * 0.5], 180, 360, fill=col)
        glass = _mix(_lit(mood, (60, 80, 110)), _stops_at(mood["sky"], 0.6), 0.35)
        cols = max(3, int(w / (W * 0.011)))
        rows = max(4, int(h / (H * 0.024)))
        _windows(draw, rng, mood, x + w * 0.06, top + h * 0.03, x + w * 0.76, base - h * 0.02, cols, rows, col, glass)
        reflections.append((x, w, col))
    # water
    _vgradient(draw, (0, base, W, H), mood["water"])
    for x, w, col in reflections:
        draw.rectangle(
            [x, base, x + w, base + (H - base) * rng.uniform(0.4, 0.8)], fill=_mix(col, mood["water"][0][1], 0.6)
        )
    # quay line
    draw.rectangle([0, base - H * 0.006, W, base + H * 0.006], fill=_lit(mood, (60, 60, 64)))
    ripple = _mix(mood["water"][0][1], (255, 255, 255), 0.25)
    dark = _mix(mood["water"][1][1], (0, 0, 0), 0.2)
    for _ in range(int(W / 4)):
        y = rng.uniform(base + H * 0.01, H)
        x = rng.uniform(0, W)
        ln = W * rng.uniform(0.01, 0.05) * (0.4 + (y - base) / (H - base))
        draw.line([(x, y), (x + ln, y)], fill=ripple if rng.random() < 0.5 else dark, width=max(1, int(H * 0.002)))
    return mood


def _scene_street(rng, W, H, img, draw):
    mood = _pick_mood(rng)
    hz = H * rng.uniform(0.4, 0.5)
    cx = W * rng.uniform(0.4, 0.6)
    f = W * 0.55
    P = _camera(cx, hz, f, 1.6)
    _sky(draw, rng, mood, W, int(hz) + 2)
    road_w, walk = 4.2, 3.0
    far = 400.0
    near = 1.2
    asphalt = _lit(mood, (76, 78, 84))
    walk_c = _lit(mood, _jitter(rng, (150, 146, 138), 8))
    draw.rectangle([0, hz, W, H], fill=_lit(mood, (90, 90, 92)))
    draw.polygon(
        [P(-road_w - walk, 0, near), P(road_w + walk, 0, near), P(road_w + walk, 0, far), P(-road_w - walk, 0, far)],
        fill=walk_c,
    )
    draw.polygon([P(-road_w, 0, near), P(road_w, 0, near), P(road_w, 0, far), P(-road_w, 0, far)], fill=asphalt)
    if mood["name"] in ("night", "dusk", "overcast") and rng.random() < 0.6:  # wet road sheen
        draw.polygon(
            [P(-road_w * 0.3, 0, near), P(road_w * 0.3, 0, near), P(0.2, 0, far), P(-0.2, 0, far)],
            fill=_mix(asphalt, _horizon_color(mood), 0.25),
        )
    for z in [near + i * 9 for i in range(40)]:
        draw.polygon(
            [P(-0.08, 0, z), P(0.08, 0, z), P(0.08, 0, z + 3.5), P(-0.08, 0, z + 3.5)], fill=_lit(mood, (230, 226, 210))
        )
    # curbs
    for s in (-1, 1):
        draw.polygon(
            [
                P(s * road_w, 0, near),
                P(s * (road_w + 0.2), 0.12, near),
                P(s * (road_w + 0.2), 0.12, far),
                P(s * road_w, 0, far),
            ],
            fill=_lit(mood, (180, 176, 168)),
        )
    # buildings, far to near on each side
    facade_palette = [
        (196, 170, 140),
        (170, 92, 72),
        (210, 200, 176),
        (132, 120, 110),
        (226, 214, 190),
        (120, 140, 150),
        (180, 128, 96),
        (236, 226, 206),
    ]
    bx = road_w + walk
    for s in (-1, 1):
        z = rng.uniform(2, 6)
        blocks = []
        while z < 220:
            d = rng.uniform(7, 16)
            blocks.append((z, z + d, rng.uniform(8, 24), _jitter(rng, rng.choice(facade_palette), 10)))
            z += d
        for z0, z1, h, raw in reversed(blocks):
            col = _lit(mood, raw)
            t = min(1.0, z0 / 220) * 0.6
            col = _mix(col, _horizon_color(mood), t)
            end = _scale(col, 0.8)
            draw.polygon([P(s * bx, 0, z0), P(s * 60, 0, z0), P(s * 60, h, z0), P(s * bx, h, z0)], fill=end)
            draw.polygon([P(s * bx, 0, z0), P(s * bx, 0, z1), P(s * bx, h, z1), P(s * bx, h, z0)], fill=col)
            draw.polygon(
                [P(s * bx, h, z0), P(s * bx, h, z1), P(s * (bx + 0.4), h + 0.6, z1), P(s * (bx + 0.4), h + 0.6, z0)],
                fill=_scale(col, 0.65),
            )
            if z0 > 160:
                continue
            glass = _mix(_lit(mood, (52, 64, 84)), _horizon_color(mood), t)
            # shopfront
            shop = _lit(mood, rng.choice([(40, 60, 90), (120, 30, 40), (30, 80, 60), (60, 50, 40)]))
            draw.polygon(
                [
                    P(s * bx, 0.2, z0 + 0.5),
                    P(s * bx, 0.2, z1 - 0.5),
                    P(s * bx, 3.0, z1 - 0.5),
                    P(s * bx, 3.0, z0 + 0.5),
                ],
                fill=_mix(glass, (255, 210, 140), 0.5 if mood["lit"] > 0.3 else 0.1),
            )
            draw.polygon(
                [
                    P(s * bx, 3.0, z0 + 0.3),
                    P(s * bx, 3.0, z1 - 0.3),
                    P(s * (bx - 1.2), 2.6, z1 - 0.3),
                    P(s * (bx - 1.2), 2.6, z0 + 0.3),
                ],
                fill=shop,
            )
            floors = int((h - 4) // 3)
            ncol = max(1, int((z1 - z0) // 2.6))
            step = (z1 - z0) / ncol
            for fl in range(floors):
                y0 = 4 + fl * 3
                for c in range(ncol):
                    za, zb = z0 + c * step + step * 0.25, z0 + (c + 1) * step - step * 0.25
                    lit = rng.random() < mood["lit"]
                    wc = rng.choice([(255, 214, 130), (250, 230, 170)]) if lit else _jitter(rng, glass, 8)
                    draw.polygon(
                        [P(s * bx, y0, za), P(s * bx, y0, zb), P(s * bx, y0 + 1.7, zb), P(s * bx, y0 + 1.7, za)],
                        fill=wc,
                    )
    # cars
    for _ in range(rng.randint(2, 4)):
        z = rng.uniform(8, 70)
        lane = rng.choice([-1, 1]) * road_w * 0.5
        x0, y0 = P(lane - 0.9, 1.45, z)
        x1, y1 = P(lane + 0.9, 0.15, z)
        body = _lit(
            mood,
            rng.choice([(180, 30, 36), (30, 60, 120), (220, 220, 224), (40, 40, 44), (120, 124, 130), (200, 160, 40)]),
        )
        draw.rounded_rectangle([x0, y0 + (y1 - y0) * 0.35, x1, y1], radius=(x1 - x0) * 0.1, fill=body)
        draw.rounded_rectangle(
            [x0 + (x1 - x0) * 0.12, y0, x1 - (x1 - x0) * 0.12, y0 + (y1 - y0) * 0.42],
            radius=(x1 - x0) * 0.08,
            fill=_scale(body, 0.8),
        )
        draw.rectangle(
            [x0 + (x1 - x0) * 0.18, y0 + (y1 - y0) * 0.07, x1 - (x1 - x0) * 0.18, y0 + (y1 - y0) * 0.36],
            fill=_lit(mood, (40, 50, 64)),
        )
        tl = (255, 40, 30) if mood["lit"] > 0.3 else (200, 40, 40)
        draw.rectangle(
            [x0 + (x1 - x0) * 0.04, y0 + (y1 - y0) * 0.5, x0 + (x1 - x0) * 0.2, y0 + (y1 - y0) * 0.62], fill=tl
        )
        draw.rectangle(
            [x1 - (x1 - x0) * 0.2, y0 + (y1 - y0) * 0.5, x1 - (x1 - x0) * 0.04, y0 + (y1 - y0) * 0.62], fill=tl
        )
        draw.rectangle([x0 + (x1 - x0) * 0.02, y1 - (y1 - y0) * 0.1, x1 - (x1 - x0) * 0.02, y1], fill=(20, 20, 22))
    # lamp posts and pedestrians
    for z in [4 + i * 14 for i in range(12)][::-1]:
        for s in (-1, 1):
            bxp, by = P(s * (road_w + 0.5), 0, z)
            tx, ty = P(s * (road_w + 0.5), 6.5, z)
            hx, hy = P(s * (road_w - 0.9), 6.4, z)
            wdt = max(1, int(f * 0.14 / z))
            pole = _lit(mood, (40, 44, 48))
            draw.line([(bxp, by), (tx, ty)], fill=pole, width=wdt)
            draw.line([(tx, ty), (hx, hy)], fill=pole, width=max(1, wdt // 2))
            r = f * 0.3 / z
            if mood["lit"] > 0.3:
                for k in (4, 3, 2):
                    g = _mix(_stops_at(mood["sky"], 0.7), (255, 210, 140), 0.18 * (5 - k))
                    draw.ellipse([hx - r * k, hy - r * k * 0.7, hx + r * k, hy + r * k * 0.7], fill=g)
                draw.ellipse([hx - r, hy - r * 0.5, hx + r, hy + r * 0.6], fill=(255, 236, 190))
            else:
                draw.ellipse([hx - r, hy - r * 0.5, hx + r, hy + r * 0.6], fill=_lit(mood, (200, 200, 190)))
    for _ in range(rng.randint(5, 12)):
        z = rng.uniform(5, 60)
        s = rng.choice([-1, 1])
        px, py = P(s * rng.uniform(road_w + 0.8, bx - 0.5), 0, z)
        _crowd_person(draw, rng, mood, px, py, f * 1.7 / z)
    return mood


def _scene_harbour(rng, W, H, img, draw):
    mood = _pick_mood(rng)
    hz = H * rng.uniform(0.5, 0.6)
    _sky(draw, rng, mood, W, int(hz))
    # distant headland
    pts = [(0, hz)]
    for i in range(13):
        pts.append((W * i / 12, hz - H * rng.uniform(0.01, 0.06) * (1 - abs(i - 4) / 10)))
    pts.append((W, hz))
    draw.polygon(pts, fill=_haze(mood, (80, 96, 90), 0.6))
    _vgradient(draw, (0, hz, W, H), mood["water"])
    flip = rng.random() < 0.5

    def X(x):
        return W - x if flip else x

    # quay on one side with container stacks
    qy = hz + H * 0.1
    qx = W * rng.uniform(0.3, 0.42)
    draw.polygon([(X(0), qy), (X(qx), qy), (X(qx + W * 0.05), H), (X(0), H)], fill=_lit(mood, (112, 110, 106)))
    draw.polygon(
        [(X(qx), qy), (X(qx + W * 0.05), H), (X(qx + W * 0.065), H), (X(qx + W * 0.012), qy)],
        fill=_lit(mood, (70, 68, 66)),
    )
    box_cols = [
        (180, 50, 40),
        (40, 90, 150),
        (220, 160, 40),
        (60, 120, 80),
        (150, 150, 150),
        (200, 90, 40),
        (90, 60, 120),
    ]
    cw, ch = W * 0.045, H * 0.03
    for row in range(3):
        y = qy - ch * 0.2 + row * ch * 1.4
        for j in range(int(qx / cw)):
            for lvl in range(rng.randint(0, 3)):
                c = _lit(mood, _jitter(rng, rng.choice(box_cols), 10))
                x0 = j * cw + row * cw * 0.3
                draw.rectangle(
                    [min(X(x0), X(x0 + cw * 0.96)), y - (lvl + 1) * ch, max(X(x0), X(x0 + cw * 0.96)), y - lvl * ch],
                    fill=c,
                )
                draw.line(
                    [(X(x0), y - lvl * ch), (X(x0 + cw * 0.96), y - lvl * ch)],
                    fill=_scale(c, 0.6),
                    width=max(1, int(H * 0.002)),
                )
    # ship
    ship_x0 = qx + W * rng.uniform(0.04, 0.1)
    ship_len = W * rng.uniform(0.5, 0.62)
    deck = hz + H * 0.03
    keel = deck + H * 0.09
    hull = _lit(mood, rng.choice([(40, 44, 60), (150, 30, 30), (30, 60, 90), (30, 30, 34)]))
    draw.polygon(
        [
            (X(ship_x0), deck),
            (X(ship_x0 + ship_len), deck - H * 0.01),
            (X(ship_x0 + ship_len * 0.97), keel),
            (X(ship_x0 + W * 0.02), keel),
        ],
        fill=hull,
    )
    draw.rectangle(
        [
            min(X(ship_x0 + W * 0.02), X(ship_x0 + ship_len * 0.97)),
            keel - H * 0.015,
            max(X(ship_x0 + W * 0.02), X(ship_x0 + ship_len * 0.97)),
            keel,
        ],
        fill=_lit(mood, (140, 40, 36)),
    )
    # superstructure at the stern
    sx0, sx1 = ship_x0 + ship_len * 0.04, ship_x0 + ship_len * 0.13
    draw.rectangle([min(X(sx0), X(sx1)), deck - H * 0.12, max(X(sx0), X(sx1)), deck], fill=_lit(mood, (232, 232, 228)))
    for k in range(5):
        yy = deck - H * 0.11 + k * H * 0.022
        draw.rectangle(
            [
                min(X(sx0 + W * 0.004), X(sx1 - W * 0.004)),
                yy,
                max(X(sx0 + W * 0.004), X(sx1 - W * 0.004)),
                yy + H * 0.007,
            ],
            fill=(255, 220, 150) if rng.random() < mood["lit"] else _lit(mood, (50, 60, 76)),
        )
    draw.rectangle(
        [
            min(X(sx0 + W * 0.015), X(sx0 + W * 0.03)),
            deck - H * 0.16,
            max(X(sx0 + W * 0.015), X(sx0 + W * 0.03)),
            deck - H * 0.12,
        ],
        fill=_lit(mood, (60, 60, 64)),
    )
    # deck containers
    x = sx1 + W * 0.006
    while x < ship_x0 + ship_len * 0.93:
        for lvl in range(rng.randint(1, 4)):
            c = _lit(mood, _jitter(rng, rng.choice(box_cols), 10))
            draw.rectangle(
                [
                    min(X(x), X(x + cw * 0.6)),
                    deck - (lvl + 1) * ch,
                    max(X(x), X(x + cw * 0.6)),
                    deck - lvl * ch - H * 0.001,
                ],
                fill=c,
            )
        x += cw * 0.62
    # reflection of the hull
    draw.rectangle(
        [
            min(X(ship_x0 + W * 0.02), X(ship_x0 + ship_len * 0.97)),
            keel,
            max(X(ship_x0 + W * 0.02), X(ship_x0 + ship_len * 0.97)),
            keel + H * 0.06,
        ],
        fill=_mix(hull, mood["water"][0][1], 0.55),
    )
    # cranes on the quay edge
    crane_col = _lit(mood, rng.choice([(200, 50, 40), (60, 110, 170), (230, 180, 40), (220, 220, 220)]))
    lw = max(2, int(W * 0.004))
    for k in range(rng.randint(2, 3)):
        cx = qx - W * (0.06 + k * 0.12)
        top = hz - H * rng.uniform(0.3, 0.38)
        leg_b = qy + H * 0.06 + k * H * 0.01
        for dx in (-W * 0.035, W * 0.035):
            draw.line([(X(cx + dx), leg_b), (X(cx + dx * 0.7), top)], fill=crane_col, width=lw * 2)
        draw.line(
            [(X(cx - W * 0.03), (leg_b + top) / 2), (X(cx + W * 0.03), (leg_b + top) / 2)], fill=crane_col, width=lw
        )
        draw.line([(X(cx - W * 0.035), leg_b), (X(cx + W * 0.02), (leg_b + top) / 2)], fill=crane_col, width=lw)
        boom_y = top + H * 0.03
        boom_far = cx + W * rng.uniform(0.22, 0.3)
        draw.line([(X(cx - W * 0.1), boom_y), (X(boom_far), boom_y)], fill=crane_col, width=lw * 2)
        draw.line([(X(cx), top - H * 0.08), (X(boom_far), boom_y)], fill=crane_col, width=max(1, lw // 2))
        draw.line([(X(cx), top - H * 0.08), (X(cx - W * 0.1), boom_y)], fill=crane_col, width=max(1, lw // 2))
        draw.line([(X(cx), top - H * 0.08), (X(cx), boom_y)], fill=crane_col, width=lw)
        draw.rectangle(
            [
                min(X(cx - W * 0.09), X(cx - W * 0.05)),
                boom_y - H * 0.03,
                max(X(cx - W * 0.09), X(cx - W * 0.05)),
                boom_y,
            ],
            fill=_scale(crane_col, 0.85),
        )
        trolley = cx + W * rng.uniform(0.08, 0.2)
        draw.rectangle(
            [
                min(X(trolley - W * 0.008), X(trolley + W * 0.008)),
                boom_y,
                max(X(trolley - W * 0.008), X(trolley + W * 0.008)),
                boom_y + H * 0.02,
            ],
            fill=_lit(mood, (60, 60, 64)),
        )
        draw.line(
            [(X(trolley), boom_y + H * 0.02), (X(trolley), deck - H * 0.12)],
            fill=_lit(mood, (40, 40, 40)),
            width=max(1, lw // 2),
        )
    # ripples
    ripple = _mix(mood["water"][0][1], (255, 255, 255), 0.3)
    for _ in range(int(W / 5)):
        y = rng.uniform(hz, H)
        x = rng.uniform(0, W)
        ln = W * rng.uniform(0.005, 0.04) * (0.3 + (y - hz) / (H - hz))
        draw.line(
            [(x, y), (x + ln, y)],
            fill=ripple if rng.random() < 0.55 else _scale(mood["water"][1][1], 0.8),
            width=max(1, int(H * 0.002)),
        )
    # gulls
    for _ in range(rng.randint(2, 6)):
        gx, gy, gs = rng.uniform(0, W), rng.uniform(H * 0.05, hz * 0.6), W * rng.uniform(0.008, 0.016)
        gc = _lit(mood, (40, 40, 46))
        draw.line(
            [(gx - gs, gy - gs * 0.3), (gx, gy), (gx + gs, gy - gs * 0.3)],
            fill=gc,
            width=max(1, int(W * 0.0018)),
            joint="curve",
        )
    return mood


def _scene_park(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("day", "day", "golden", "overcast", "dusk"))
    hz = H * rng.uniform(0.38, 0.46)
    _sky(draw, rng, mood, W, int(hz))
    # distant rooftops and tree line
    x = 0
    while x < W:
        w, h = W * rng.uniform(0.03, 0.08), H * rng.uniform(0.03, 0.12)
        draw.rectangle([x, hz - h, x + w, hz], fill=_haze(mood, (120, 110, 110), 0.6))
        x += w
    for i in range(40):
        tx = W * i / 39 + rng.uniform(-W * 0.02, W * 0.02)
        r = H * rng.uniform(0.03, 0.06)
        draw.ellipse(
            [tx - r * 1.3, hz - r * 1.6, tx + r * 1.3, hz + r * 0.4],
            fill=_haze(mood, _jitter(rng, (60, 100, 60), 8), 0.45),
        )
    grass_far = _lit(mood, (120, 164, 84))
    grass_near = _lit(mood, (72, 128, 56))
    _vgradient(draw, (0, hz, W, H), [(0.0, grass_far), (1.0, grass_near)])
    # pond
    if rng.random() < 0.5:
        px, py = W * rng.uniform(0.6, 0.85), hz + H * 0.1
        draw.ellipse([px - W * 0.16, py - H * 0.035, px + W * 0.16, py + H * 0.035], fill=_lit(mood, (96, 140, 170)))
    # winding path
    c = W * rng.uniform(0.35, 0.65)
    bend = W * rng.uniform(-0.25, 0.25)
    left, right = [], []
    steps = 30
    for i in range(steps + 1):
        t = i / steps
        y = hz + (H - hz) * t**1.0
        xc = c + bend * math.sin(t * math.pi) * (1 - t) + (W * 0.5 - c) * t
        half = W * (0.004 + 0.16 * t * t)
        left.append((xc - half, y))
        right.append((xc + half, y))
    draw.polygon(left + right[::-1], fill=_lit(mood, (206, 190, 160)))
    # trees at various depths, then people
    items = []
    for _ in range(rng.randint(9, 14)):
        t = rng.uniform(0.05, 0.9)
        items.append((t, "tree", rng.uniform(0, W)))
    for _ in range(rng.randint(6, 12)):
        t = rng.uniform(0.1, 0.85)
        i = int(t * steps)
        items.append((t, "person", left[i][0] + (right[i][0] - left[i][0]) * rng.uniform(0.2, 0.8)))
    items.append((rng.uniform(0.4, 0.6), "bench", rng.uniform(W * 0.05, W * 0.3)))
    for t, kind, x in sorted(items):
        y = hz + (H - hz) * t
        s = 0.08 + t * 0.9
        if kind == "tree":
            i = int(t * steps)
            pad = H * 0.62 * s * 0.25
            if left[i][0] - pad < x < right[i][0] + pad:  # keep trees off the path
                x = left[i][0] - pad if x < (left[i][0] + right[i][0]) / 2 else right[i][0] + pad
            _tree(draw, rng, mood, x, y, H * 0.62 * s, haze=max(0.0, 0.35 - t))
        elif kind == "person":
            _crowd_person(draw, rng, mood, x, y, H * 0.2 * s)
        else:
            bw, bh = W * 0.12 * s, H * 0.05 * s
            wood = _lit(mood, (120, 80, 50))
            draw.rectangle([x - bw, y - bh, x + bw, y - bh * 0.75], fill=wood)
            draw.rectangle([x - bw, y - bh * 1.5, x + bw, y - bh * 1.25], fill=wood)
            for lx in (x - bw * 0.85, x + bw * 0.8):
                draw.rectangle([lx, y - bh * 1.5, lx + bw * 0.06, y], fill=_lit(mood, (40, 40, 40)))
    return mood


def _scene_market(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("day", "golden", "overcast", "dusk", "night"))
    hz = H * 0.34
    _sky(draw, rng, mood, W, int(hz))
    # backdrop of old buildings
    x = -W * 0.02
    while x < W:
        w, h = W * rng.uniform(0.1, 0.18), H * rng.uniform(0.22, 0.34)
        col = _lit(
            mood, _jitter(rng, rng.choice([(200, 176, 140), (176, 110, 84), (214, 206, 186), (150, 140, 130)]), 10)
        )
        top = H * 0.58 - h
        draw.rectangle([x, top, x + w, H * 0.58], fill=col)
        draw.polygon(
            [(x - w * 0.02, top), (x + w * 1.02, top), (x + w * 0.5, top - h * 0.25)], fill=_lit(mood, (110, 64, 52))
        )
        _windows(
            draw,
            rng,
            mood,
            x + w * 0.1,
            top + h * 0.08,
            x + w * 0.9,
            top + h * 0.7,
            3,
            3,
            col,
            _lit(mood, (60, 70, 86)),
            margin=0.28,
        )
        x += w
    # string lights
    if mood["lit"] > 0.3 or rng.random() < 0.4:
        for k in range(2):
            y0 = H * (0.3 + k * 0.06)
            pts = [(W * i / 40, y0 + H * 0.05 * math.sin(i / 40 * math.pi * 3) ** 2) for i in range(41)]
            draw.line(pts, fill=(40, 40, 40), width=max(1, int(H * 0.002)))
            for px, py in pts[::2]:
                r = H * 0.006
                draw.ellipse([px - r, py, px + r, py + 2 * r], fill=(255, 226, 150))
    ground = _lit(mood, (150, 142, 130))
    draw.rectangle([0, H * 0.58, W, H], fill=ground)
    for i in range(24):  # cobbles hint
        y = H * 0.58 + (H * 0.42) * (i / 24) ** 1.4
        draw.line([(0, y), (W, y)], fill=_scale(ground, 0.92), width=max(1, int(H * 0.002)))
    stripes = [
        ((200, 40, 40), (245, 240, 230)),
        ((30, 90, 160), (245, 240, 230)),
        ((40, 130, 80), (240, 230, 200)),
        ((230, 170, 40), (250, 245, 235)),
        ((120, 60, 140), (240, 230, 240)),
    ]
    produce = [
        (220, 60, 40),
        (250, 170, 40),
        (120, 180, 60),
        (240, 220, 80),
        (140, 40, 80),
        (200, 120, 60),
        (90, 140, 50),
    ]
    n = rng.randint(4, 6)
    sw = W / n
    order = list(range(n))
    for i in order:
        x0 = i * sw + sw * 0.04
        x1 = (i + 1) * sw - sw * 0.04
        top = H * rng.uniform(0.44, 0.5)
        depth = H * 0.05
        a, b = stripes[(i + rng.randint(0, 4)) % len(stripes)]
        a, b = _lit(mood, a), _lit(mood, b)
        # posts
        pw = W * 0.006
        draw.rectangle([x0, top, x0 + pw, H * 0.82], fill=_lit(mood, (70, 60, 50)))
        draw.rectangle([x1 - pw, top, x1, H * 0.82], fill=_lit(mood, (70, 60, 50)))
        # back cloth and goods
        draw.rectangle([x0 + pw, top + depth, x1 - pw, H * 0.7], fill=_lit(mood, (90, 80, 70)))
        # table with crates
        ty = H * 0.7
        draw.rectangle([x0 - sw * 0.02, ty, x1 + sw * 0.02, ty + H * 0.02], fill=_lit(mood, (140, 100, 60)))
        draw.rectangle(
            [x0 + sw * 0.02, ty + H * 0.02, x1 - sw * 0.02, H * 0.82], fill=_lit(mood, _jitter(rng, (120, 90, 60), 10))
        )
        for c in range(4):
            cx0 = x0 + (x1 - x0) * c / 4 + sw * 0.01
            cx1 = x0 + (x1 - x0) * (c + 1) / 4 - sw * 0.01
            fruit = _lit(mood, rng.choice(produce))
            r = (cx1 - cx0) * 0.14
            for row in range(3):
                for k in range(3):
                    fx = cx0 + (cx1 - cx0) * (k + 0.5 + (row % 2) * 0.3) / 3.3
                    fy = ty - r * (0.8 + row * 1.3)
                    draw.ellipse([fx - r, fy - r, fx + r, fy + r], fill=_jitter(rng, fruit, 12))
        # awning: stripes in perspective and a scalloped edge
        nst = 8
        for k in range(nst):
            ax0 = x0 - sw * 0.03 + (x1 - x0 + sw * 0.06) * k / nst
            ax1 = x0 - sw * 0.03 + (x1 - x0 + sw * 0.06) * (k + 1) / nst
            bx0 = x0 + (x1 - x0) * 0.06 + (x1 - x0) * 0.88 * k / nst
            bx1 = x0 + (x1 - x0) * 0.06 + (x1 - x0) * 0.88 * (k + 1) / nst
            fill = a if k % 2 == 0 else b
            draw.polygon(
                [(bx0, top - depth), (bx1, top - depth), (ax1, top + depth * 0.6), (ax0, top + depth * 0.6)], fill=fill
            )
            draw.pieslice(
                [ax0, top + depth * 0.6 - (ax1 - ax0) * 0.5, ax1, top + depth * 0.6 + (ax1 - ax0) * 0.5],
                0,
                180,
                fill=fill,
            )
    # shoppers in front
    for t in sorted(rng.random() for _ in range(rng.randint(4, 8))):
        y = H * (0.9 + 0.1 * t)
        _crowd_person(draw, rng, mood, rng.uniform(0, W), y, H * (0.24 + 0.12 * t))
    return mood


def _scene_tram(rng, W, H, img, draw):
    mood = _pick_mood(rng)
    hz = H * 0.5
    _sky(draw, rng, mood, W, int(hz))
    # buildings behind
    x = -W * 0.02
    while x < W:
        w, h = W * rng.uniform(0.08, 0.16), H * rng.uniform(0.2, 0.42)
        col = _haze(
            mood,
            _jitter(rng, rng.choice([(196, 176, 150), (160, 100, 80), (210, 206, 196), (120, 130, 140)]), 10),
            0.15,
        )
        draw.rectangle([x, H * 0.62 - h, x + w, H * 0.62], fill=col)
        _windows(
            draw,
            rng,
            mood,
            x + w * 0.08,
            H * 0.62 - h * 0.92,
            x + w * 0.92,
            H * 0.62 - H * 0.04,
            max(2, int(w / (W * 0.025))),
            max(2, int(h / (H * 0.06))),
            col,
            _lit(mood, (60, 70, 86)),
            margin=0.25,
        )
        x += w
    # pavement and road
    draw.rectangle([0, H * 0.62, W, H * 0.68], fill=_lit(mood, (160, 156, 148)))
    draw.rectangle([0, H * 0.68, W, H], fill=_lit(mood, (84, 86, 90)))
    rail_c = _lit(mood, (190, 190, 196))
    for ry in (0.85, 0.875, 0.94, 0.965):
        draw.line([(0, H * ry), (W, H * ry)], fill=rail_c, width=max(2, int(H * 0.005)))
    # overhead wire and poles
    wire_y = H * 0.2
    pole_c = _lit(mood, (60, 66, 72))
    for px in [W * (0.08 + 0.42 * k) + rng.uniform(-W * 0.03, W * 0.03) for k in range(3)]:
        draw.rectangle([px - W * 0.005, wire_y - H * 0.05, px + W * 0.005, H * 0.66], fill=pole_c)
        draw.line(
            [(px, wire_y - H * 0.03), (px + W * 0.12, wire_y - H * 0.03)], fill=pole_c, width=max(2, int(H * 0.004))
        )
        draw.line(
            [(px, wire_y + H * 0.02), (px + W * 0.12, wire_y - H * 0.025)], fill=pole_c, width=max(1, int(H * 0.002))
        )
    # tram body: 3-4 articulated sections
    livery = rng.choice(
        [
            ((232, 232, 228), (200, 40, 50)),
            ((240, 200, 40), (40, 40, 44)),
            ((230, 230, 232), (30, 110, 170)),
            ((40, 120, 90), (240, 240, 236)),
            ((200, 40, 60), (240, 240, 240)),
        ]
    )
    body, stripe = _lit(mood, livery[0]), _lit(mood, livery[1])
    top, bottom = H * 0.42, H * 0.86
    sections = rng.randint(3, 4)
    sec_w = W * rng.uniform(0.27, 0.32)
    x0 = W * rng.uniform(0.02, 0.12)
    glass = _mix(_lit(mood, (40, 56, 72)), _horizon_color(mood), 0.15)
    lit_inside = mood["lit"] > 0.3
    for s in range(sections):
        sx0 = x0 + s * (sec_w + W * 0.012)
        sx1 = sx0 + sec_w
        first, last = s == 0, s == sections - 1
        draw.rounded_rectangle([sx0, top, sx1, bottom], radius=H * (0.06 if (first or last) else 0.015), fill=body)
        if first:
            draw.rectangle([sx0 + H * 0.05, top, sx1, bottom], fill=body)
        elif not last:
            draw.rectangle([sx0, top, sx1, bottom], fill=body)
        else:
            draw.rectangle([sx0, top, sx1 - H * 0.05, bottom], fill=body)
        draw.rectangle([sx0, bottom - H * 0.1, sx1, bottom - H * 0.06], fill=stripe)
        draw.rectangle([sx0, top + H * 0.015, sx1, top + H * 0.03], fill=stripe)
        # windows and a double door
        door_at = sx0 + sec_w * rng.uniform(0.35, 0.55)
        wy0, wy1 = top + H * 0.06, top + H * 0.2
        wx = sx0 + sec_w * 0.05
        while wx < sx1 - sec_w * 0.08:
            ww = sec_w * 0.14
            if abs(wx + ww / 2 - door_at) < sec_w * 0.12:
                wx += ww
                continue
            win = _mix(glass, (255, 226, 160), 0.6) if lit_inside else glass
            draw.rounded_rectangle([wx, wy0, wx + ww * 0.92, wy1], radius=H * 0.01, fill=win)
            if lit_inside or rng.random() < 0.4:  # passengers
                hx = wx + ww * rng.uniform(0.3, 0.7)
                draw.ellipse([hx - H * 0.014, wy0 + H * 0.05, hx + H * 0.014, wy0 + H * 0.085], fill=_scale(win, 0.5))
                draw.rectangle([hx - H * 0.03, wy0 + H * 0.085, hx + H * 0.03, wy1], fill=_scale(win, 0.5))
            wx += ww
        dw = sec_w * 0.2
        draw.rectangle([door_at - dw / 2, wy0 - H * 0.01, door_at + dw / 2, bottom - H * 0.01], fill=_scale(body, 0.75))
        draw.rectangle([door_at - dw * 0.42, wy0, door_at - dw * 0.03, bottom - H * 0.1], fill=glass)
        draw.rectangle([door_at + dw * 0.03, wy0, door_at + dw * 0.42, bottom - H * 0.1], fill=glass)
        if first:  # windscreen and headlight
            draw.rounded_rectangle(
                [sx0 + H * 0.005, top + H * 0.05, sx0 + sec_w * 0.08, top + H * 0.22], radius=H * 0.02, fill=glass
            )
            draw.ellipse(
                [sx0 + H * 0.01, bottom - H * 0.085, sx0 + H * 0.035, bottom - H * 0.065], fill=(255, 246, 210)
            )
            draw.rectangle(
                [sx0 + sec_w * 0.02, top + H * 0.025, sx0 + sec_w * 0.1, top + H * 0.045], fill=(255, 170, 40)
            )
        if s % 2 == 0:  # pantograph to the wire
            pcx = (sx0 + sx1) / 2
            draw.rectangle([pcx - sec_w * 0.12, top - H * 0.02, pcx + sec_w * 0.12, top], fill=_scale(body, 0.8))
            pw = max(2, int(H * 0.004))
            dark = _lit(mood, (50, 50, 56))
            draw.line(
                [
                    (pcx - sec_w * 0.08, top - H * 0.02),
                    (pcx + sec_w * 0.02, top - H * 0.12),
                    (pcx - sec_w * 0.05, wire_y + H * 0.005),
                ],
                fill=dark,
                width=pw,
            )
            draw.line(
                [(pcx - sec_w * 0.09, wire_y + H * 0.005), (pcx - sec_w * 0.01, wire_y + H * 0.005)],
                fill=dark,
                width=pw,
            )
        # bogie and wheels
        draw.rectangle(
            [sx0 + sec_w * 0.15, bottom - H * 0.01, sx1 - sec_w * 0.15, bottom + H * 0.03],
            fill=_lit(mood, (30, 30, 34)),
        )
        for wxc in (sx0 + sec_w * 0.25, sx1 - sec_w * 0.25):
            draw.ellipse(
                [wxc - H * 0.025, bottom - H * 0.005, wxc + H * 0.025, bottom + H * 0.045],
                fill=_lit(mood, (24, 24, 26)),
            )
        if not last:  # articulation bellows
            draw.rectangle([sx1, top + H * 0.04, sx1 + W * 0.012, bottom - H * 0.02], fill=_lit(mood, (40, 40, 44)))
    # the wire itself, over everything
    draw.line([(0, wire_y), (W, wire_y)], fill=_lit(mood, (30, 30, 32)), width=max(2, int(H * 0.003)))
    draw.line(
        [(0, wire_y - H * 0.025), (W, wire_y - H * 0.028)], fill=_lit(mood, (30, 30, 32)), width=max(1, int(H * 0.002))
    )
    # a couple of people on the stop
    for _ in range(rng.randint(1, 3)):
        _crowd_person(draw, rng, mood, rng.uniform(W * 0.02, W * 0.98), H * 0.995, H * 0.3)
    return mood


def _scene_stadium(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("day", "golden", "night", "dusk", "overcast"))
    hz = H * 0.12
    cx = W * rng.uniform(0.45, 0.55)
    f = W * 0.5
    cam_h = 26.0
    P = _camera(cx, hz, f, cam_h)
    _sky(draw, rng, mood, W, int(hz) + 2, clouds=False)
    if mood["name"] in ("night", "dusk"):  # the floodlights are on
        mood = dict(mood, light=(0.84, 0.88, 0.92))
    zn, zf = 30.0, 98.0  # near and far touchlines
    zc = (zn + zf) / 2
    # far stand
    stand = _lit(mood, (110, 112, 120))
    draw.polygon([P(-90, 0, zf + 6), P(90, 0, zf + 6), P(90, 24, zf + 34), P(-90, 24, zf + 34)], fill=stand)
    # crowd specks on it
    team = [
        _lit(mood, c)
        for c in rng.sample(
            [(200, 30, 40), (30, 70, 160), (240, 240, 240), (240, 200, 40), (30, 130, 70), (20, 20, 24)], 2
        )
    ]
    speck = max(2, int(W * 0.003))
    y_lo = P(0, 0.5, zf + 6)[1]
    y_hi = P(0, 24, zf + 34)[1]
    for _ in range(int(W * 1.8)):
        y = rng.uniform(y_hi, y_lo)
        t = (y - y_hi) / max(1, (y_lo - y_hi))
        x = rng.uniform(0, W)
        c = rng.choice(team) if rng.random() < 0.6 else _lit(mood, rng.choice(_CLOTHES))
        s = speck * (0.7 + 0.6 * t)
        draw.rectangle([x, y, x + s, y + s], fill=c)
    # advertising boards and tier edges
    for yy in (0.5, 12):
        zz = zf + 6 + (yy / 24) * 28
        draw.polygon(
            [P(-90, yy, zz), P(90, yy, zz), P(90, yy + 1.2, zz), P(-90, yy + 1.2, zz)],
            fill=_lit(mood, rng.choice([(20, 60, 140), (200, 40, 40), (30, 30, 30)])),
        )
    # roof
    draw.polygon(
        [P(-95, 27, zf + 40), P(95, 27, zf + 40), P(95, 24, zf + 20), P(-95, 24, zf + 20)],
        fill=_lit(mood, (70, 72, 80)),
    )
    # pitch surround and pitch with mowing stripes
    draw.rectangle([0, P(0, 0, zf + 6)[1], W, H], fill=_lit(mood, (60, 110, 60)))
    g1, g2 = _lit(mood, (70, 150, 70)), _lit(mood, (88, 168, 80))
    n = 16
    for i in range(n):
        x0 = -52.5 + 105 * i / n
        x1 = -52.5 + 105 * (i + 1) / n
        draw.polygon([P(x0, 0, zn - 4), P(x1, 0, zn - 4), P(x1, 0, zf + 4), P(x0, 0, zf + 4)], fill=g1 if i % 2 else g2)
    white = _lit(mood, (245, 245, 240))

    def gline(a, b, w=0.14):
        (x1, z1), (x2, z2) = a, b
        dx, dz = x2 - x1, z2 - z1
        ln = math.hypot(dx, dz) or 1
        nx, nz = -dz / ln * w / 2, dx / ln * w / 2
        draw.polygon(
            [P(x1 + nx, 0, z1 + nz), P(x2 + nx, 0, z2 + nz), P(x2 - nx, 0, z2 - nz), P(x1 - nx, 0, z1 - nz)], fill=white
        )

    def gpoly(pts):
        for a, b in itertools.pairwise(pts):
            gline(a, b)

    gpoly([(-52.5, zn), (52.5, zn), (52.5, zf), (-52.5, zf), (-52.5, zn)])
    gline((0, zn), (0, zf))
    gpoly([(9.15 * math.cos(t / 40 * 2 * math.pi), zc + 9.15 * math.sin(t / 40 * 2 * math.pi)) for t in range(41)])
    for s in (-1, 1):
        gx = s * 52.5
        gpoly([(gx, zc - 20.16), (gx - s * 16.5, zc - 20.16), (gx - s * 16.5, zc + 20.16), (gx, zc + 20.16)])
        gpoly([(gx, zc - 9.16), (gx - s * 5.5, zc - 9.16), (gx - s * 5.5, zc + 9.16), (gx, zc + 9.16)])
        arc = [
            (gx - s * (11 + 9.15 * math.cos(a)), zc + 9.15 * math.sin(a))
            for a in [math.radians(v) for v in range(-53, 54, 6)]
        ]
        gpoly(arc)
        # goal frame
        for zz in (zc - 3.66, zc + 3.66):
            draw.line([P(gx, 0, zz), P(gx, 2.44, zz)], fill=white, width=max(2, int(f * 0.15 / zz)))
        draw.line([P(gx, 2.44, zc - 3.66), P(gx, 2.44, zc + 3.66)], fill=white, width=max(2, int(f * 0.15 / zc)))
    # players
    kits = [
        rng.choice([(200, 30, 40), (240, 240, 240), (30, 70, 160)]),
        rng.choice([(240, 200, 40), (20, 20, 24), (30, 130, 70)]),
    ]
    for team_i in range(2):
        for _ in range(10):
            X, Z = rng.uniform(-45, 45), rng.uniform(zn + 3, zf - 3)
            px, py = P(X, 0, Z)
            _person(
                draw,
                px,
                py,
                f * 1.8 / Z,
                _lit(mood, kits[team_i]),
                rng,
                legs=_lit(mood, (30, 30, 30)),
                head=_lit(mood, rng.choice(_SKINS)),
            )
    bx, by = P(rng.uniform(-20, 20), 0, rng.uniform(zn + 10, zf - 10))
    draw.ellipse([bx - W * 0.003, by - W * 0.006, bx + W * 0.003, by], fill=(255, 255, 255))
    # near stand: heads of the crowd in the foreground
    base_y = P(0, 0, zn - 4)[1]
    if base_y < H:
        draw.rectangle([0, base_y, W, H], fill=_lit(mood, (50, 52, 58)))
    for row in range(3):
        y = H - row * H * 0.05
        for k in range(int(W / (W * 0.03))):
            x = k * W * 0.03 + rng.uniform(-W * 0.01, W * 0.01) + row * W * 0.012
            r = H * 0.03 * (1 - row * 0.15)
            c = _lit(mood, rng.choice([*_CLOTHES, team[0], team[0], team[1]]))
            draw.ellipse([x - r * 1.8, y - r * 0.6, x + r * 1.8, y + r * 2], fill=c)
            draw.ellipse(
                [x - r * 0.8, y - r * 2.1, x + r * 0.8, y - r * 0.3],
                fill=_lit(mood, rng.choice([(40, 30, 24), (80, 60, 40), (20, 20, 20), (150, 110, 70)])),
            )
    # floodlights
    for s in (-1, 1):
        x = cx + s * W * 0.47
        top_y = H * 0.02
        draw.line(
            [(x, P(0, 0, zf + 6)[1]), (x + s * W * 0.01, top_y + H * 0.06)],
            fill=_lit(mood, (80, 80, 86)),
            width=max(3, int(W * 0.006)),
        )
        lamp = (255, 250, 225) if mood["name"] in ("night", "dusk") else _lit(mood, (220, 220, 210))
        if mood["name"] in ("night", "dusk"):
            for k, t in ((1.9, 0.12), (1.45, 0.25)):
                gy = top_y + H * 0.03
                draw.ellipse(
                    [x - W * 0.035 * k, gy - H * 0.045 * k, x + W * 0.035 * k, gy + H * 0.045 * k],
                    fill=_mix(mood["sky"][0][1], lamp, t),
                )
        draw.rectangle([x - W * 0.03, top_y, x + W * 0.035, top_y + H * 0.06], fill=_lit(mood, (60, 60, 64)))
        for r in range(3):
            for c in range(6):
                lx = x - W * 0.026 + c * W * 0.01
                ly = top_y + H * 0.006 + r * H * 0.018
                draw.rectangle([lx, ly, lx + W * 0.007, ly + H * 0.012], fill=lamp)
    return mood


def _scene_chamber(rng, W, H, img, draw):
    mood = {
        "name": "interior",
        "light": (1.0, 0.98, 0.94),
        "lit": 0.0,
        "sky": [(0, (200, 200, 200)), (1, (200, 200, 200))],
    }
    wall = _jitter(rng, rng.choice([(214, 200, 176), (196, 206, 200), (222, 214, 200), (170, 180, 196)]), 8)
    wood = _jitter(rng, rng.choice([(120, 76, 44), (96, 60, 36), (140, 96, 56)]), 8)
    carpet = _jitter(rng, rng.choice([(40, 90, 70), (130, 36, 44), (36, 56, 110)]), 8)
    leather = _jitter(rng, rng.choice([(40, 100, 70), (140, 40, 50), (40, 60, 120)]), 8)
    floor_y = H * 0.5
    _vgradient(draw, (0, 0, W, floor_y), [(0, _scale(wall, 0.8)), (0.5, wall), (1, _scale(wall, 0.9))])
    # tall windows
    for k in range(4):
        wx = W * (0.08 + k * 0.26)
        if abs(wx + W * 0.04 - W * 0.5) < W * 0.15:
            continue
        draw.rectangle([wx, H * 0.06, wx + W * 0.08, H * 0.3], fill=_mix(wall, (255, 255, 255), 0.2))
        draw.pieslice([wx, H * 0.02, wx + W * 0.08, H * 0.1], 180, 360, fill=_mix(wall, (255, 255, 255), 0.2))
        draw.rectangle([wx + W * 0.008, H * 0.07, wx + W * 0.072, H * 0.29], fill=(176, 204, 228))
        draw.line([(wx + W * 0.04, H * 0.07), (wx + W * 0.04, H * 0.29)], fill=wall, width=max(2, int(W * 0.003)))
    # wood panelling
    draw.rectangle([0, H * 0.32, W, floor_y], fill=wood)
    for k in range(24):
        px = W * k / 24
        draw.rectangle(
            [px + W * 0.004, H * 0.335, px + W / 24 - W * 0.004, floor_y - H * 0.012], fill=_scale(wood, 1.12)
        )
    # crest, flags and the chair's dais
    cx = W * rng.uniform(0.46, 0.54)
    draw.ellipse([cx - W * 0.05, H * 0.09, cx + W * 0.05, H * 0.09 + W * 0.1], fill=(196, 160, 60))
    draw.ellipse(
        [cx - W * 0.04, H * 0.09 + W * 0.01, cx + W * 0.04, H * 0.09 + W * 0.09], fill=_jitter(rng, (40, 70, 130), 10)
    )
    draw.polygon(
        [
            (cx - W * 0.022, H * 0.09 + W * 0.035),
            (cx + W * 0.022, H * 0.09 + W * 0.035),
            (cx + W * 0.018, H * 0.09 + W * 0.07),
            (cx, H * 0.09 + W * 0.08),
            (cx - W * 0.018, H * 0.09 + W * 0.07),
        ],
        fill=(230, 230, 236),
    )
    for s in (-1, 1):
        fx = cx + s * W * 0.12
        draw.line([(fx, H * 0.12), (fx, floor_y - H * 0.02)], fill=(180, 150, 70), width=max(2, int(W * 0.003)))
        fc = rng.choice([(30, 80, 150), (160, 30, 40), (30, 110, 70)])
        draw.polygon(
            [(fx, H * 0.13), (fx + s * W * 0.05, H * 0.14), (fx + s * W * 0.045, H * 0.24), (fx, H * 0.25)], fill=fc
        )
    draw.rectangle([cx - W * 0.14, H * 0.36, cx + W * 0.14, H * 0.47], fill=_scale(wood, 0.85))
    draw.rectangle([cx - W * 0.15, H * 0.355, cx + W * 0.15, H * 0.37], fill=_scale(wood, 1.2))
    draw.rounded_rectangle([cx - W * 0.025, H * 0.22, cx + W * 0.025, H * 0.37], radius=W * 0.01, fill=leather)
    for dx in (-0.08, 0.0, 0.08):
        _person(
            draw,
            cx + W * dx,
            H * 0.42,
            H * 0.16,
            rng.choice([(30, 30, 40), (60, 40, 40), (30, 40, 60)]),
            rng,
            head=rng.choice(_SKINS),
        )
    draw.rectangle([cx - W * 0.14, H * 0.37, cx + W * 0.14, H * 0.47], fill=_scale(wood, 0.85))
    # carpeted floor
    _vgradient(draw, (0, floor_y, W, H), [(0, _scale(carpet, 0.85)), (1, _scale(carpet, 1.15))])
    # curved benches: concentric ellipses opening towards the dais
    oy = H * 0.47
    tiers = rng.randint(4, 5)
    for t in range(tiers):
        rx = W * (0.22 + t * 0.14)
        ry = H * (0.12 + t * 0.1)
        lift = t * H * 0.018
        desk_w = H * 0.035
        box = [cx - rx, oy - ry - lift, cx + rx, oy + ry - lift]
        # desk top and front
        draw.arc(
            [box[0] - desk_w, box[1] - desk_w * 0.4, box[2] + desk_w, box[3] + desk_w],
            0,
            180,
            fill=_scale(wood, 0.7),
            width=int(desk_w * 1.6),
        )
        draw.arc(box, 0, 180, fill=_scale(wood, 1.25), width=int(desk_w * 0.6))
        # members seated behind the desk, seen from behind
        n = 7 + t * 3
        for k in range(n):
            a = math.radians(12 + 156 * (k + 0.5) / n + rng.uniform(-2, 2))
            if rng.random() < 0.18:
                continue
            px = cx + (rx + desk_w * 1.6) * math.cos(a)
            py = oy - lift + (ry + desk_w * 1.6) * math.sin(a)
            sz = H * (0.045 + t * 0.008)
            coat = _jitter(
                rng,
                rng.choice([(30, 34, 44), (60, 40, 46), (40, 50, 70), (90, 90, 96), (120, 40, 50), (50, 70, 60)]),
                10,
            )
            draw.ellipse([px - sz * 1.4, py - sz * 0.2, px + sz * 1.4, py + sz * 1.8], fill=coat)
            draw.ellipse(
                [px - sz * 0.55, py - sz * 1.1, px + sz * 0.55, py + sz * 0.15],
                fill=rng.choice([(40, 30, 24), (90, 70, 50), (30, 26, 22), (160, 150, 140), (120, 80, 50)]),
            )
            # microphone
            mx = cx + (rx + desk_w * 0.2) * math.cos(a)
            my = oy - lift + (ry + desk_w * 0.2) * math.sin(a)
            draw.line(
                [(mx, my), (mx - (mx - cx) * 0.03, my - sz * 0.8)], fill=(30, 30, 30), width=max(1, int(H * 0.003))
            )
            draw.ellipse(
                [mx - (mx - cx) * 0.03 - sz * 0.1, my - sz * 0.9, mx - (mx - cx) * 0.03 + sz * 0.1, my - sz * 0.7],
                fill=(200, 40, 40),
            )
    # pendant lights
    for k in range(5):
        lx = W * (0.1 + k * 0.2)
        draw.line([(lx, 0), (lx, H * 0.05)], fill=(50, 50, 50), width=max(1, int(W * 0.0015)))
        draw.ellipse([lx - W * 0.02, H * 0.04, lx + W * 0.02, H * 0.07], fill=(255, 240, 200))
    return mood


def _figure(draw, rng, cx, top, s, bottom):
    """Head and shoulders; s is the height of the face, top the crown of the head, bottom the frame's edge."""
    skin = rng.choice(_SKINS)
    hair = rng.choice(
        [
            (28, 22, 18),
            (56, 38, 26),
            (104, 70, 40),
            (168, 120, 70),
            (214, 184, 126),
            (140, 140, 140),
            (206, 206, 206),
            (120, 46, 30),
        ]
    )
    if skin in _SKINS[4:] and rng.random() < 0.7:
        hair = rng.choice([(24, 20, 18), (40, 30, 24), (150, 150, 150)])
    clothes = _jitter(rng, rng.choice(_CLOTHES), 10)
    shirt = rng.choice([(240, 240, 236), (180, 204, 230), (236, 226, 210), (30, 30, 34), _scale(clothes, 1.3)])
    style = rng.choice(["short", "short", "long", "bob", "bald", "curly", "bun", "crop"])
    fw = s * 0.74  # face width
    face_top = top + s * 0.08
    chin = face_top + s
    shadow = _scale(skin, 0.82)
    hair_box = [cx - fw * 0.58, face_top - s * 0.09, cx + fw * 0.58, face_top + s * 0.72]
    # hair that falls behind the shoulders
    if style == "long":
        draw.rounded_rectangle(
            [cx - fw * 0.68, face_top - s * 0.05, cx + fw * 0.68, chin + s * 0.6], radius=fw * 0.5, fill=hair
        )
    elif style == "bob":
        draw.rounded_rectangle(
            [cx - fw * 0.66, face_top - s * 0.05, cx + fw * 0.66, chin + s * 0.02], radius=fw * 0.45, fill=hair
        )
    # shoulders and clothes
    sh_w = s * rng.uniform(1.05, 1.25)
    sh_y = chin + s * 0.14
    draw.ellipse([cx - sh_w, sh_y, cx + sh_w, sh_y + s * 1.3], fill=clothes)
    draw.rectangle([cx - sh_w, sh_y + s * 0.65, cx + sh_w, bottom], fill=clothes)
    # neck
    nw = fw * 0.3
    draw.rectangle([cx - nw, chin - s * 0.25, cx + nw, sh_y + s * 0.14], fill=shadow)
    neckline = rng.choice(["v", "collar", "round", "lapels"])
    if neckline == "v":
        draw.polygon(
            [(cx - nw * 1.4, sh_y + s * 0.04), (cx + nw * 1.4, sh_y + s * 0.04), (cx, sh_y + s * 0.5)], fill=shadow
        )
    elif neckline == "round":
        draw.chord([cx - nw * 1.5, sh_y - s * 0.1, cx + nw * 1.5, sh_y + s * 0.26], 0, 180, fill=shadow)
    else:
        draw.polygon(
            [(cx - nw * 1.5, sh_y + s * 0.02), (cx + nw * 1.5, sh_y + s * 0.02), (cx, sh_y + s * 0.75)], fill=shirt
        )
        collar = _scale(shirt, 0.9)
        draw.polygon(
            [(cx - nw * 1.05, sh_y - s * 0.06), (cx, sh_y + s * 0.16), (cx - nw * 1.6, sh_y + s * 0.14)], fill=collar
        )
        draw.polygon(
            [(cx + nw * 1.05, sh_y - s * 0.06), (cx, sh_y + s * 0.16), (cx + nw * 1.6, sh_y + s * 0.14)], fill=collar
        )
        if neckline == "lapels":
            tie = rng.choice([(140, 30, 40), (30, 50, 110), (60, 60, 64), None])
            if tie:
                draw.polygon(
                    [
                        (cx - s * 0.05, sh_y + s * 0.14),
                        (cx + s * 0.05, sh_y + s * 0.14),
                        (cx + s * 0.08, sh_y + s * 0.75),
                        (cx, sh_y + s * 0.85),
                        (cx - s * 0.08, sh_y + s * 0.75),
                    ],
                    fill=tie,
                )
            lap = _scale(clothes, 0.78)
            for sx in (-1, 1):
                draw.polygon(
                    [
                        (cx + sx * nw * 1.6, sh_y + s * 0.02),
                        (cx + sx * s * 0.12, sh_y + s * 0.95),
                        (cx + sx * nw * 2.6, sh_y + s * 0.35),
                    ],
                    fill=lap,
                )
    # hair behind the head, ears, face
    if style in ("short", "crop", "bun", "long", "bob"):
        box = hair_box if style != "crop" else [cx - fw * 0.54, face_top - s * 0.05, cx + fw * 0.54, face_top + s * 0.6]
        draw.ellipse(box, fill=hair)
    if style == "curly":
        for k in range(26):
            a = math.radians(165 + 210 * k / 25)
            px, py = cx + fw * 0.56 * math.cos(a), face_top + s * 0.34 + s * 0.4 * math.sin(a)
            rr = fw * rng.uniform(0.15, 0.21)
            draw.ellipse([px - rr, py - rr, px + rr, py + rr], fill=hair)
    if style not in ("long", "bob"):
        for sx in (-1, 1):
            draw.ellipse(
                [
                    cx + sx * fw * 0.49 - fw * 0.09,
                    face_top + s * 0.4,
                    cx + sx * fw * 0.49 + fw * 0.09,
                    face_top + s * 0.62,
                ],
                fill=shadow,
            )
    draw.ellipse([cx - fw / 2, face_top, cx + fw / 2, chin], fill=skin)
    # hair over the forehead
    if style in ("short", "long", "bob", "bun", "crop", "curly"):
        a, b, cyb = fw * (0.58 if style != "crop" else 0.54), s * 0.4, face_top + s * 0.31
        if style == "crop":
            b, cyb = s * 0.35, face_top + s * 0.3
        arc = [(cx + a * math.cos(t), cyb + b * math.sin(t)) for t in [math.pi + math.pi * k / 16 for k in range(17)]]
        part = rng.uniform(-0.25, 0.25)
        low = 0.0 if style == "crop" else rng.uniform(0.0, 0.06)
        hairline = [
            (cx + fw * 0.52, face_top + s * (0.3 + low)),
            (cx + fw * 0.3, face_top + s * (0.15 + low)),
            (cx + fw * part, face_top + s * (0.1 + low * 0.5)),
            (cx - fw * 0.3, face_top + s * (0.16 + low)),
            (cx - fw * 0.52, face_top + s * (0.32 + low)),
        ]
        draw.polygon(arc + hairline, fill=hair)
        if style in ("long", "bob"):
            for sx in (-1, 1):
                x_out, x_in = cx + sx * fw * 0.6, cx + sx * fw * 0.4
                draw.polygon(
                    [
                        (x_out, face_top + s * 0.2),
                        (x_in, face_top + s * 0.25),
                        (x_in + sx * fw * 0.06, chin - s * 0.15),
                        (x_out, chin + (s * 0.3 if style == "long" else -s * 0.02)),
                    ],
                    fill=hair,
                )
        if style == "bun":
            draw.ellipse([cx - fw * 0.22, face_top - s * 0.3, cx + fw * 0.22, face_top + s * 0.04], fill=hair)
    else:  # bald, with hair at the sides
        for sx in (-1, 1):
            draw.chord(
                [
                    cx + sx * fw * 0.47 - fw * 0.09,
                    face_top + s * 0.22,
                    cx + sx * fw * 0.47 + fw * 0.09,
                    face_top + s * 0.55,
                ],
                90 if sx < 0 else 270,
                270 if sx < 0 else 90,
                fill=hair,
            )
    # features
    ey = face_top + s * 0.47
    ex = fw * 0.2
    brow = _scale(hair, 0.8) if style != "bald" else _scale(skin, 0.55)
    if brow[0] > 150:
        brow = _scale(brow, 0.7)
    for sx in (-1, 1):
        draw.ellipse(
            [cx + sx * ex - fw * 0.085, ey - s * 0.035, cx + sx * ex + fw * 0.085, ey + s * 0.035], fill=(245, 242, 236)
        )
        draw.ellipse(
            [cx + sx * ex - fw * 0.045, ey - s * 0.035, cx + sx * ex + fw * 0.045, ey + s * 0.035], fill=(40, 32, 28)
        )
        draw.line(
            [(cx + sx * ex - fw * 0.1, ey - s * 0.085), (cx + sx * ex + fw * 0.1, ey - s * 0.095 + sx * s * 0.005)],
            fill=brow,
            width=max(2, int(s * 0.025)),
        )
    draw.line(
        [(cx + fw * 0.02, ey + s * 0.04), (cx + fw * 0.05, ey + s * 0.2), (cx - fw * 0.03, ey + s * 0.215)],
        fill=_scale(skin, 0.72),
        width=max(2, int(s * 0.014)),
    )
    lips = _mix(skin, (170, 70, 70), 0.45)
    my = face_top + s * 0.78
    if rng.random() < 0.25 and style in ("short", "bald", "crop"):
        beard = _mix(hair, skin, 0.15)
        draw.chord([cx - fw * 0.5, face_top + s * 0.2, cx + fw * 0.5, chin + s * 0.04], 15, 165, fill=beard)
        draw.chord([cx - fw * 0.2, my - s * 0.1, cx + fw * 0.2, my + s * 0.04], 180, 360, fill=beard)
    draw.chord([cx - fw * 0.17, my - s * 0.05, cx + fw * 0.17, my + s * 0.06], 0, 180, fill=lips)
    if rng.random() < 0.3:
        gc = rng.choice([(30, 30, 30), (120, 70, 40), (160, 160, 170)])
        gw = max(2, int(s * 0.018))
        for sx in (-1, 1):
            draw.rounded_rectangle(
                [cx + sx * ex - fw * 0.15, ey - s * 0.08, cx + sx * ex + fw * 0.15, ey + s * 0.09],
                radius=s * 0.04,
                outline=gc,
                width=gw,
            )
        draw.line([(cx - ex + fw * 0.15, ey - s * 0.02), (cx + ex - fw * 0.15, ey - s * 0.02)], fill=gc, width=gw)


def _backdrop_bokeh(rng, W, H, img):
    base = _jitter(rng, rng.choice([(70, 80, 96), (96, 84, 70), (60, 76, 70), (110, 110, 120), (40, 44, 60)]), 12)
    layer = Image.new("RGB", (W // 8, H // 8), base)
    d = ImageDraw.Draw(layer)
    w, h = layer.size
    _vgradient(d, (0, 0, w, h), [(0, _scale(base, 1.2)), (1, _scale(base, 0.7))])
    for _ in range(40):
        x, y, r = rng.uniform(0, w), rng.uniform(0, h * 0.8), rng.uniform(w * 0.02, w * 0.07)
        c = _mix(
            base,
            rng.choice([(255, 220, 160), (200, 220, 255), (255, 255, 255), (255, 180, 120)]),
            rng.uniform(0.25, 0.6),
        )
        d.ellipse([x - r, y - r, x + r, y + r], fill=c)
    for _ in range(4):  # shelves / window frames, out of focus
        x = rng.uniform(0, w)
        d.rectangle([x, 0, x + w * 0.03, h], fill=_scale(base, 0.6))
    layer = layer.filter(ImageFilter.GaussianBlur(w * 0.012))
    img.paste(layer.resize((W, H), Image.BICUBIC))


def _scene_portrait(rng, W, H, img, draw):
    _backdrop_bokeh(rng, W, H, img)
    s = H * 0.4
    cx = W * rng.choice([0.36, 0.5, 0.64])
    _figure(draw, rng, cx, H * 0.08, s, H)
    return {"name": "portrait"}


def _scene_campus(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("day", "day", "golden", "overcast", "dusk"))
    hz = H * 0.62
    _sky(draw, rng, mood, W, int(hz))
    brick = _lit(mood, _jitter(rng, rng.choice([(170, 96, 70), (200, 180, 150), (214, 204, 184), (150, 80, 60)]), 10))
    stone = _lit(mood, (224, 218, 200))
    roof = _lit(mood, rng.choice([(70, 80, 90), (90, 60, 50), (60, 100, 90)]))
    glass = _mix(_lit(mood, (50, 64, 84)), _horizon_color(mood), 0.2)
    cx = W * rng.uniform(0.42, 0.58)
    wing_w = W * 0.3
    top = hz - H * 0.3
    # wings
    draw.rectangle([cx - wing_w - W * 0.1, top + H * 0.06, cx + wing_w + W * 0.1, hz], fill=brick)
    draw.polygon(
        [
            (cx - wing_w - W * 0.11, top + H * 0.06),
            (cx + wing_w + W * 0.11, top + H * 0.06),
            (cx + wing_w + W * 0.08, top + H * 0.01),
            (cx - wing_w - W * 0.08, top + H * 0.01),
        ],
        fill=roof,
    )
    for side in (-1, 1):
        x0 = cx + side * W * 0.1 if side > 0 else cx - wing_w - W * 0.1
        x1 = x0 + wing_w
        _windows(
            draw,
            rng,
            mood,
            x0 + W * 0.01,
            top + H * 0.09,
            x1 - W * 0.01,
            hz - H * 0.02,
            8,
            3,
            brick,
            glass,
            margin=0.28,
        )
    # clock tower
    tw = W * 0.055
    draw.rectangle([cx - tw, top - H * 0.2, cx + tw, top + H * 0.06], fill=brick)
    draw.polygon([(cx - tw * 1.15, top - H * 0.2), (cx + tw * 1.15, top - H * 0.2), (cx, top - H * 0.33)], fill=roof)
    draw.ellipse([cx - tw * 0.6, top - H * 0.17, cx + tw * 0.6, top - H * 0.17 + tw * 1.2], fill=stone)
    ccx, ccy = cx, top - H * 0.17 + tw * 0.6
    hand = max(2, int(W * 0.003))
    ang = rng.uniform(0, math.tau)
    draw.line(
        [(ccx, ccy), (ccx + tw * 0.45 * math.cos(ang), ccy + tw * 0.45 * math.sin(ang))], fill=(30, 30, 30), width=hand
    )
    draw.line(
        [(ccx, ccy), (ccx + tw * 0.3 * math.cos(ang * 7), ccy + tw * 0.3 * math.sin(ang * 7))],
        fill=(30, 30, 30),
        width=hand,
    )
    # portico
    pw = W * 0.1
    draw.rectangle([cx - pw, top + H * 0.1, cx + pw, hz], fill=_scale(stone, 0.85))
    draw.polygon([(cx - pw * 1.1, top + H * 0.1), (cx + pw * 1.1, top + H * 0.1), (cx, top + H * 0.02)], fill=stone)
    draw.polygon(
        [(cx - pw * 0.85, top + H * 0.095), (cx + pw * 0.85, top + H * 0.095), (cx, top + H * 0.035)],
        fill=_scale(stone, 0.9),
    )
    draw.rectangle([cx - pw * 1.1, top + H * 0.1, cx + pw * 1.1, top + H * 0.12], fill=stone)
    for k in range(6):
        colx = cx - pw * 0.95 + k * pw * 1.9 / 5
        draw.rectangle([colx - W * 0.007, top + H * 0.12, colx + W * 0.007, hz - H * 0.015], fill=stone)
    draw.rectangle([cx - pw * 1.15, hz - H * 0.015, cx + pw * 1.15, hz], fill=stone)
    draw.rectangle([cx - pw * 0.25, hz - H * 0.12, cx + pw * 0.25, hz - H * 0.015], fill=_lit(mood, (60, 40, 30)))
    # lawn and path
    _vgradient(draw, (0, hz, W, H), [(0, _lit(mood, (110, 160, 80))), (1, _lit(mood, (70, 128, 56)))])
    draw.polygon(
        [(cx - pw * 0.3, hz), (cx + pw * 0.3, hz), (cx + W * 0.2, H), (cx - W * 0.2, H)],
        fill=_lit(mood, (200, 190, 170)),
    )
    draw.polygon(
        [(0, hz + H * 0.12), (W, hz + H * 0.1), (W, hz + H * 0.14), (0, hz + H * 0.17)],
        fill=_lit(mood, (200, 190, 170)),
    )
    # trees and students
    for side in (-1, 1):
        for k in range(rng.randint(1, 3)):
            x = cx + side * (W * 0.25 + k * W * 0.14 + rng.uniform(0, W * 0.05))
            _tree(
                draw,
                rng,
                mood,
                x,
                hz + H * (0.05 + k * 0.05),
                H * (0.45 + k * 0.12),
                kind=rng.choice(["round", "tall"]),
            )
    people = sorted((rng.uniform(0.1, 1.0), rng.uniform(0, W)) for _ in range(rng.randint(6, 12)))
    for t, x in people:
        _crowd_person(draw, rng, mood, x, hz + (H - hz) * t, H * (0.06 + 0.22 * t))
    return mood


def _scene_storm(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("overcast", "night", "dusk"))
    mood["sky"] = [
        (0.0, _scale(mood["sky"][0][1], 0.5)),
        (0.6, _scale(mood["sky"][-1][1], 0.55)),
        (1.0, _scale(mood["sky"][-1][1], 0.75)),
    ]
    hz = H * rng.uniform(0.45, 0.55)
    _vgradient(draw, (0, 0, W, hz + 2), mood["sky"])
    # heavy cloud masses
    for _ in range(26):
        x, y = rng.uniform(-0.1, 1.1) * W, rng.uniform(-0.05, 0.6) * hz
        c = _jitter(rng, _scale(mood["sky"][1][1], rng.uniform(0.6, 1.3)), 6)
        rx, ry = W * rng.uniform(0.1, 0.25), H * rng.uniform(0.05, 0.12)
        draw.ellipse([x - rx, y - ry, x + rx, y + ry], fill=c)
    # lightning
    if rng.random() < 0.55:
        x, y = rng.uniform(W * 0.2, W * 0.8), H * 0.05
        pts = [(x, y)]
        while y < hz - H * 0.03:
            x += rng.uniform(-W * 0.03, W * 0.03)
            y += rng.uniform(H * 0.03, H * 0.07)
            pts.append((x, min(y, hz)))
        draw.line(pts, fill=(200, 200, 255), width=max(4, int(W * 0.006)))
        draw.line(pts, fill=(255, 255, 255), width=max(2, int(W * 0.002)))
    # sea
    sea = [(0.0, _scale(mood["water"][0][1], 0.7)), (1.0, _scale(mood["water"][1][1], 0.8))]
    _vgradient(draw, (0, hz, W, H), sea)
    foam = _mix(_stops_at(mood["sky"], 1.0), (255, 255, 255), 0.5)
    for row in range(14):
        t = row / 13
        y = hz + (H * 0.78 - hz) * t**1.4
        amp = H * (0.004 + 0.03 * t)
        wl = W * (0.04 + 0.12 * t)
        ph = rng.uniform(0, math.tau)
        pts = [(x, y - amp * abs(math.sin(x / wl * math.pi + ph))) for x in range(0, int(W) + 10, max(4, int(W / 160)))]
        draw.polygon([*pts, (W, y + amp * 2), (0, y + amp * 2)], fill=_mix(sea[0][1], sea[1][1], t))
        draw.line(pts, fill=foam, width=max(2, int(H * (0.002 + 0.006 * t))))
    # breakwater and lighthouse
    side = rng.choice([-1, 1])
    bx = W * (0.8 if side > 0 else 0.2)
    draw.polygon(
        [
            (bx - W * 0.25 * side, hz + H * 0.02),
            (bx + W * 0.3 * side, hz + H * 0.01),
            (bx + W * 0.3 * side, hz + H * 0.04),
            (bx - W * 0.25 * side, hz + H * 0.045),
        ],
        fill=_lit(mood, (60, 60, 60)),
    )
    lx, ly = bx + W * 0.15 * side, hz + H * 0.015
    draw.polygon(
        [(lx - W * 0.015, ly), (lx + W * 0.015, ly), (lx + W * 0.01, ly - H * 0.17), (lx - W * 0.01, ly - H * 0.17)],
        fill=(220, 220, 220),
    )
    for k in range(3):
        yy = ly - H * (0.04 + k * 0.05)
        draw.rectangle([lx - W * 0.014, yy, lx + W * 0.014, yy + H * 0.02], fill=(180, 40, 40))
    draw.rectangle([lx - W * 0.012, ly - H * 0.2, lx + W * 0.012, ly - H * 0.17], fill=(255, 240, 180))
    draw.polygon(
        [(lx, ly - H * 0.185), (lx - side * W * 0.45, ly - H * 0.25), (lx - side * W * 0.45, ly - H * 0.14)],
        fill=_mix(mood["sky"][1][1], (255, 240, 200), 0.18),
    )
    draw.polygon(
        [(lx - W * 0.014, ly - H * 0.2), (lx + W * 0.014, ly - H * 0.2), (lx, ly - H * 0.23)], fill=(40, 40, 40)
    )
    # a wave breaking over the sea wall, then the promenade and railing
    wall_y = H * 0.8
    for _ in range(rng.randint(1, 2)):
        sx = rng.uniform(W * 0.1, W * 0.9)
        for _ in range(22):
            up = rng.uniform(0, 1) ** 1.5
            r = H * (0.05 - 0.035 * up) * rng.uniform(0.6, 1.1)
            px, py = sx + rng.uniform(-W * 0.06, W * 0.06) * (1 + up), wall_y - H * 0.28 * up
            draw.ellipse([px - r, py - r, px + r, py + r], fill=_jitter(rng, _mix(foam, (250, 252, 255), 0.6), 8))
    draw.rectangle([0, wall_y, W, H], fill=_lit(mood, (110, 106, 100)))
    draw.rectangle([0, wall_y, W, wall_y + H * 0.02], fill=_lit(mood, (150, 146, 140)))
    rail = _lit(mood, (40, 60, 70))
    draw.line([(0, wall_y - H * 0.07), (W, wall_y - H * 0.07)], fill=rail, width=max(3, int(H * 0.008)))
    draw.line([(0, wall_y - H * 0.035), (W, wall_y - H * 0.035)], fill=rail, width=max(2, int(H * 0.005)))
    for k in range(0, 25):
        x = W * k / 24
        draw.line([(x, wall_y - H * 0.075), (x, wall_y)], fill=rail, width=max(3, int(W * 0.004)))
    # puddles
    for _ in range(5):
        px, py = rng.uniform(0, W), rng.uniform(wall_y + H * 0.05, H)
        draw.ellipse(
            [px - W * 0.08, py - H * 0.012, px + W * 0.08, py + H * 0.012],
            fill=_mix(_lit(mood, (110, 106, 100)), mood["sky"][-1][1], 0.5),
        )
    # a figure with an umbrella
    if rng.random() < 0.7:
        px = rng.uniform(W * 0.2, W * 0.8)
        ph = H * 0.3
        _person(
            draw,
            px,
            H * 0.98,
            ph,
            _lit(mood, rng.choice([(200, 160, 40), (60, 60, 70), (150, 30, 40)])),
            rng,
            head=_lit(mood, rng.choice(_SKINS)),
        )
        uc = _lit(mood, rng.choice([(30, 30, 36), (180, 30, 40), (30, 80, 160)]))
        tilt = rng.uniform(-ph * 0.1, ph * 0.1)
        draw.line(
            [(px + ph * 0.1, H * 0.98 - ph * 0.55), (px + ph * 0.05 + tilt * 0.3, H * 0.98 - ph * 1.15)],
            fill=(30, 30, 30),
            width=max(2, int(H * 0.004)),
        )
        draw.pieslice(
            [px - ph * 0.35 + tilt, H * 0.98 - ph * 1.35, px + ph * 0.45 + tilt, H * 0.98 - ph * 0.95],
            180,
            360,
            fill=uc,
        )
    # rain
    rain = _mix(_stops_at(mood["sky"], 0.9), (230, 230, 240), 0.45)
    slant = rng.uniform(0.15, 0.4) * rng.choice([-1, 1])
    rw = max(1, int(W * 0.0009))
    for _ in range(int(W * 0.9)):
        x, y = rng.uniform(-W * 0.1, W * 1.1), rng.uniform(0, H)
        ln = H * rng.uniform(0.03, 0.08)
        draw.line([(x, y), (x + ln * slant, y + ln)], fill=rain, width=rw)
    return mood


def _scene_hospital(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("day", "day", "overcast", "golden", "dusk", "night"))
    hz = H * 0.66
    _sky(draw, rng, mood, W, int(hz))
    wall = _lit(mood, _jitter(rng, rng.choice([(226, 226, 222), (214, 206, 192), (200, 210, 216)]), 6))
    accent = _lit(mood, rng.choice([(30, 90, 160), (20, 120, 120), (40, 70, 130)]))
    glass = _mix(_lit(mood, (80, 120, 160)), _horizon_color(mood), 0.3)
    # main block and a taller wing
    x0, x1 = W * 0.05, W * 0.95
    top = hz - H * 0.4
    wing_x = W * rng.uniform(0.1, 0.6)
    draw.rectangle([wing_x, top - H * 0.18, wing_x + W * 0.3, hz], fill=_scale(wall, 0.92))
    _windows(draw, rng, mood, wing_x + W * 0.01, top - H * 0.16, wing_x + W * 0.29, top, 8, 3, wall, glass, margin=0.22)
    draw.rectangle([x0, top, x1, hz], fill=wall)
    for k in range(6):  # horizontal window bands
        y = top + H * 0.03 + k * H * 0.06
        draw.rectangle([x0 + W * 0.01, y, x1 - W * 0.01, y + H * 0.032], fill=glass)
        for m in range(30):
            mx = x0 + W * 0.01 + (x1 - x0 - W * 0.02) * m / 30
            draw.line([(mx, y), (mx, y + H * 0.032)], fill=_scale(wall, 0.9), width=max(1, int(W * 0.002)))
            if rng.random() < mood["lit"] * 0.6:
                draw.rectangle(
                    [mx + W * 0.002, y + H * 0.002, mx + (x1 - x0) / 30 - W * 0.002, y + H * 0.03], fill=(250, 240, 200)
                )
    draw.rectangle([x0, top - H * 0.015, x1, top], fill=accent)
    # sign with an H
    sx, sy, ss = W * rng.uniform(0.7, 0.85), top - H * 0.13, H * 0.1
    draw.rectangle([sx - ss / 2, sy, sx + ss / 2, sy + ss], fill=accent)
    bar = ss * 0.14
    draw.rectangle([sx - ss * 0.28, sy + ss * 0.18, sx - ss * 0.28 + bar, sy + ss * 0.82], fill=(255, 255, 255))
    draw.rectangle([sx + ss * 0.28 - bar, sy + ss * 0.18, sx + ss * 0.28, sy + ss * 0.82], fill=(255, 255, 255))
    draw.rectangle([sx - ss * 0.28, sy + ss * 0.43, sx + ss * 0.28, sy + ss * 0.43 + bar], fill=(255, 255, 255))
    draw.line([(sx, sy + ss), (sx, top)], fill=_lit(mood, (90, 90, 90)), width=max(2, int(W * 0.003)))
    # entrance canopy
    ex = W * rng.uniform(0.3, 0.5)
    draw.rectangle(
        [ex - W * 0.08, hz - H * 0.11, ex + W * 0.08, hz],
        fill=_mix(glass, (255, 240, 200), 0.4 if mood["lit"] > 0.3 else 0.1),
    )
    draw.polygon(
        [
            (ex - W * 0.12, hz - H * 0.13),
            (ex + W * 0.12, hz - H * 0.13),
            (ex + W * 0.14, hz - H * 0.1),
            (ex - W * 0.14, hz - H * 0.1),
        ],
        fill=accent,
    )
    for px in (ex - W * 0.11, ex + W * 0.11):
        draw.rectangle([px - W * 0.003, hz - H * 0.1, px + W * 0.003, hz + H * 0.04], fill=_lit(mood, (120, 120, 120)))
    # forecourt
    draw.rectangle([0, hz, W, H], fill=_lit(mood, (120, 120, 124)))
    for k in range(9):
        x = W * k / 8
        draw.line(
            [(x, hz + H * 0.08), (x - W * 0.1, H)], fill=_lit(mood, (220, 220, 210)), width=max(2, int(W * 0.002))
        )
    # trees to the sides
    for x in (W * 0.02, W * 0.97):
        _tree(draw, rng, mood, x, hz + H * 0.05, H * 0.5, kind="round")
    # ambulance: boxy van with a checked side
    ax = W * rng.uniform(0.45, 0.7)
    ay = H * 0.93
    al = W * 0.26
    ah = H * 0.2
    van = _lit(mood, (246, 246, 240))
    draw.rounded_rectangle([ax, ay - ah, ax + al * 0.72, ay - H * 0.03], radius=H * 0.01, fill=van)
    draw.polygon(
        [
            (ax + al * 0.72, ay - ah * 0.85),
            (ax + al * 0.9, ay - ah * 0.85),
            (ax + al, ay - ah * 0.45),
            (ax + al, ay - H * 0.03),
            (ax + al * 0.72, ay - H * 0.03),
        ],
        fill=van,
    )
    draw.polygon(
        [
            (ax + al * 0.74, ay - ah * 0.8),
            (ax + al * 0.88, ay - ah * 0.8),
            (ax + al * 0.96, ay - ah * 0.48),
            (ax + al * 0.74, ay - ah * 0.48),
        ],
        fill=_lit(mood, (50, 64, 80)),
    )
    c1, c2 = _lit(mood, (40, 140, 70)), _lit(mood, (250, 210, 30))
    n = 10
    for k in range(n):
        for r in range(2):
            draw.rectangle(
                [ax + al * k / n, ay - ah * 0.42 + r * ah * 0.12, ax + al * (k + 1) / n, ay - ah * 0.3 + r * ah * 0.12],
                fill=c1 if (k + r) % 2 else c2,
            )
    draw.rectangle(
        [ax + al * 0.05, ay - ah - H * 0.015, ax + al * 0.15, ay - ah],
        fill=(60, 120, 255) if mood["lit"] > 0.3 else (40, 80, 200),
    )
    for wx in (ax + al * 0.18, ax + al * 0.82):
        draw.ellipse([wx - H * 0.04, ay - H * 0.07, wx + H * 0.04, ay + H * 0.01], fill=(26, 26, 28))
        draw.ellipse([wx - H * 0.018, ay - H * 0.048, wx + H * 0.018, ay - H * 0.012], fill=(150, 150, 156))
    for _ in range(rng.randint(2, 5)):
        _crowd_person(
            draw, rng, mood, rng.uniform(ex - W * 0.1, ex + W * 0.1), hz + H * rng.uniform(0.03, 0.1), H * 0.2
        )
    return mood


def _scene_beach(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("day", "day", "golden", "overcast", "dusk"))
    hz = H * rng.uniform(0.4, 0.48)
    _sky(draw, rng, mood, W, int(hz))
    # headland
    side = rng.choice([-1, 1])
    hx = W if side > 0 else 0
    draw.polygon(
        [(hx, hz - H * 0.12), (hx - side * W * 0.2, hz - H * 0.06), (hx - side * W * 0.35, hz), (hx, hz)],
        fill=_haze(mood, (80, 100, 80), 0.45),
    )
    _vgradient(
        draw,
        (0, hz, W, H * 0.68),
        mood["water"] if mood["name"] != "day" else [(0, (70, 130, 170)), (1, (90, 170, 180))],
    )
    sand_y = H * 0.68
    sand = _lit(mood, (226, 206, 160))
    foam = _lit(mood, (245, 245, 240))
    # wet sand and foam lines
    pts = [(x, sand_y + H * 0.015 * math.sin(x / W * 9 + rng.uniform(0, 0.2))) for x in range(0, W + 20, 20)]
    draw.polygon([*pts, (W, H), (0, H)], fill=_scale(sand, 0.86))
    pts2 = [(x, y + H * 0.04) for x, y in pts]
    draw.polygon([*pts2, (W, H), (0, H)], fill=sand)
    draw.line(pts, fill=foam, width=max(3, int(H * 0.008)))
    for k in range(3):
        y = hz + (sand_y - hz) * (0.4 + k * 0.2)
        for _ in range(8):
            x = rng.uniform(0, W)
            draw.line(
                [(x, y), (x + W * rng.uniform(0.04, 0.12), y)],
                fill=_mix(foam, mood["water"][0][1], 0.3),
                width=max(2, int(H * 0.003)),
            )
    # pier
    if rng.random() < 0.7:
        px0 = W * (0.1 if side > 0 else 0.9)
        deck = hz + H * 0.04
        dark = _lit(mood, (70, 60, 56))
        draw.polygon(
            [
                (px0 - side * W * 0.5, deck - H * 0.01),
                (px0 + side * W * 0.2, deck - H * 0.012),
                (px0 + side * W * 0.2, deck),
                (px0 - side * W * 0.5, deck + H * 0.02),
            ],
            fill=dark,
        )
        for k in range(14):
            x = px0 - side * W * 0.5 + side * W * 0.7 * k / 13
            draw.line(
                [(x, deck), (x, deck + H * 0.05 * (1 - k / 16))], fill=dark, width=max(2, int(W * 0.003 * (1 - k / 20)))
            )
        draw.rectangle(
            [
                min(px0 + side * W * 0.12, px0 + side * W * 0.2),
                deck - H * 0.05,
                max(px0 + side * W * 0.12, px0 + side * W * 0.2),
                deck - H * 0.01,
            ],
            fill=_lit(mood, (230, 220, 200)),
        )
        draw.polygon(
            [
                (px0 + side * W * 0.11, deck - H * 0.05),
                (px0 + side * W * 0.21, deck - H * 0.05),
                (px0 + side * W * 0.16, deck - H * 0.08),
            ],
            fill=_lit(mood, (180, 60, 50)),
        )
    # umbrellas, towels, people
    items = sorted((rng.uniform(0, 1), rng.uniform(0, W), rng.random()) for _ in range(rng.randint(8, 14)))
    for t, x, kind in items:
        y = sand_y + H * 0.06 + (H - sand_y - H * 0.06) * t
        s = 0.4 + t * 0.8
        if kind < 0.35:
            uh = H * 0.22 * s
            ur = W * 0.06 * s
            a, b = (
                _lit(mood, rng.choice([(220, 50, 50), (40, 100, 200), (240, 200, 40), (40, 160, 120)])),
                _lit(mood, (250, 250, 245)),
            )
            draw.line([(x, y), (x, y - uh)], fill=_lit(mood, (80, 80, 80)), width=max(2, int(W * 0.003 * s)))
            for k in range(6):
                a0 = 180 + k * 30
                draw.pieslice(
                    [x - ur, y - uh - ur * 0.45, x + ur, y - uh + ur * 0.45], a0, a0 + 30, fill=a if k % 2 == 0 else b
                )
            draw.ellipse([x - ur * 0.8, y - H * 0.005, x + ur * 0.8, y + H * 0.02 * s], fill=_scale(sand, 0.85))
        elif kind < 0.55:
            tw = W * 0.05 * s
            draw.polygon(
                [
                    (x - tw, y),
                    (x + tw, y - H * 0.01 * s),
                    (x + tw * 1.1, y + H * 0.025 * s),
                    (x - tw * 0.9, y + H * 0.035 * s),
                ],
                fill=_lit(mood, rng.choice([(240, 120, 60), (60, 140, 220), (230, 60, 120), (250, 230, 80)])),
            )
        else:
            _crowd_person(draw, rng, mood, x, y, H * 0.26 * s)
    for _ in range(rng.randint(2, 5)):
        gx, gy, gs = rng.uniform(0, W), rng.uniform(H * 0.05, hz * 0.7), W * rng.uniform(0.008, 0.015)
        draw.line(
            [(gx - gs, gy - gs * 0.3), (gx, gy), (gx + gs, gy - gs * 0.3)],
            fill=_lit(mood, (50, 50, 56)),
            width=max(1, int(W * 0.0018)),
            joint="curve",
        )
    return mood


def _lattice(draw, p0, p1, width, color, lw, n):
    """A lattice girder between p0 and p1, width across, with n bays."""
    (x0, y0), (x1, y1) = p0, p1
    ln = math.hypot(x1 - x0, y1 - y0) or 1
    nx, ny = -(y1 - y0) / ln * width / 2, (x1 - x0) / ln * width / 2
    a0, a1 = (x0 + nx, y0 + ny), (x1 + nx, y1 + ny)
    b0, b1 = (x0 - nx, y0 - ny), (x1 - nx, y1 - ny)
    draw.line([a0, a1], fill=color, width=lw)
    draw.line([b0, b1], fill=color, width=lw)
    pts = []
    for i in range(n + 1):
        t = i / n
        a = (a0[0] + (a1[0] - a0[0]) * t, a0[1] + (a1[1] - a0[1]) * t)
        b = (b0[0] + (b1[0] - b0[0]) * t, b0[1] + (b1[1] - b0[1]) * t)
        pts.append(a if i % 2 == 0 else b)
    draw.line(pts, fill=color, width=max(1, lw // 2))


def _scene_construction(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("day", "day", "golden", "overcast", "dusk"))
    hz = H * 0.7
    _sky(draw, rng, mood, W, int(hz))
    # neighbouring finished blocks
    for _ in range(3):
        x = rng.uniform(0, W)
        w, h = W * rng.uniform(0.1, 0.16), H * rng.uniform(0.2, 0.35)
        col = _haze(mood, (170, 160, 150), 0.35)
        draw.rectangle([x, hz - h, x + w, hz], fill=col)
        _windows(
            draw,
            rng,
            mood,
            x + w * 0.05,
            hz - h * 0.95,
            x + w * 0.95,
            hz,
            5,
            max(3, int(h / (H * 0.05))),
            col,
            _haze(mood, (80, 90, 110), 0.3),
            margin=0.25,
        )
    # concrete frame under construction
    concrete = _lit(mood, (186, 182, 174))
    fx0 = W * rng.uniform(0.25, 0.45)
    fw = W * rng.uniform(0.35, 0.45)
    floors = rng.randint(6, 9)
    fh = H * 0.065
    done = rng.randint(2, floors - 3)
    bays = 7
    for fl in range(floors):
        y = hz - (fl + 1) * fh
        if fl < done:  # glazed floors
            draw.rectangle([fx0, y, fx0 + fw, y + fh], fill=_mix(_lit(mood, (80, 110, 140)), _horizon_color(mood), 0.3))
        elif fl < done + 2:  # shell with the inside in shadow
            draw.rectangle([fx0, y, fx0 + fw, y + fh], fill=_lit(mood, (92, 88, 84)))
            for b in range(bays):  # formwork props
                px = fx0 + fw * (b + 0.5) / bays
                draw.line(
                    [(px, y + fh * 0.14), (px, y + fh)], fill=_lit(mood, (150, 120, 60)), width=max(1, int(W * 0.0015))
                )
        draw.rectangle([fx0 - W * 0.005, y, fx0 + fw + W * 0.005, y + fh * 0.14], fill=concrete)
        for b in range(bays + 1):
            bx = fx0 + fw * b / bays
            draw.rectangle([bx - W * 0.004, y, bx + W * 0.004, y + fh], fill=concrete)
    # columns poking out of the top deck, with rebar
    ytop = hz - floors * fh
    for b in range(bays + 1):
        bx = fx0 + fw * b / bays
        draw.rectangle([bx - W * 0.004, ytop - fh * 0.6, bx + W * 0.004, ytop], fill=concrete)
        draw.line(
            [(bx, ytop - fh * 0.6), (bx, ytop - fh * 0.9)],
            fill=_lit(mood, (120, 70, 40)),
            width=max(1, int(W * 0.0015)),
        )
    # scaffolding with netting on one side
    sx0 = fx0 + fw
    sw = W * 0.05
    sc = _lit(mood, (150, 150, 156))
    net = _lit(mood, rng.choice([(40, 110, 70), (40, 80, 140), (200, 200, 200)]))
    draw.rectangle([sx0, ytop + fh, sx0 + sw, hz], fill=net)
    for fl in range(floors):
        y = hz - fl * fh
        draw.line([(sx0, y), (sx0 + sw, y)], fill=sc, width=max(1, int(W * 0.002)))
    for k in range(3):
        x = sx0 + sw * k / 2
        draw.line([(x, ytop), (x, hz)], fill=sc, width=max(1, int(W * 0.002)))
    # tower crane
    mast_x = fx0 + fw * rng.uniform(-0.1, 0.25)
    mast_top = H * 0.08
    yellow = _lit(mood, rng.choice([(240, 190, 30), (220, 60, 40), (240, 240, 240)]))
    lw = max(2, int(W * 0.003))
    _lattice(draw, (mast_x, hz), (mast_x, mast_top), W * 0.022, yellow, lw, 26)
    jib_end = mast_x + W * rng.uniform(0.35, 0.5)
    back_end = mast_x - W * 0.16
    _lattice(draw, (mast_x, mast_top + H * 0.02), (jib_end, mast_top + H * 0.02), H * 0.025, yellow, lw, 30)
    draw.rectangle([back_end, mast_top + H * 0.01, mast_x, mast_top + H * 0.03], fill=yellow)
    draw.rectangle(
        [back_end, mast_top + H * 0.03, back_end + W * 0.05, mast_top + H * 0.08], fill=_lit(mood, (140, 140, 140))
    )
    draw.line(
        [(mast_x, mast_top - H * 0.06), (jib_end * 0.6 + mast_x * 0.4, mast_top + H * 0.01)],
        fill=yellow,
        width=max(1, lw // 2),
    )
    draw.line([(mast_x, mast_top - H * 0.06), (back_end, mast_top + H * 0.01)], fill=yellow, width=max(1, lw // 2))
    draw.line([(mast_x, mast_top - H * 0.06), (mast_x, mast_top + H * 0.01)], fill=yellow, width=lw)
    draw.rectangle(
        [mast_x + W * 0.012, mast_top + H * 0.035, mast_x + W * 0.032, mast_top + H * 0.07],
        fill=_lit(mood, (60, 70, 80)),
    )
    hook_x = mast_x + (jib_end - mast_x) * rng.uniform(0.4, 0.9)
    hook_y = rng.uniform(mast_top + H * 0.2, ytop - H * 0.05)
    draw.line([(hook_x, mast_top + H * 0.03), (hook_x, hook_y)], fill=(40, 40, 40), width=max(1, lw // 2))
    draw.rectangle([hook_x - W * 0.03, hook_y, hook_x + W * 0.03, hook_y + H * 0.015], fill=_lit(mood, (150, 90, 50)))
    # hoarding and ground
    draw.rectangle([0, hz, W, H], fill=_lit(mood, (150, 130, 100)))
    board = [
        _lit(mood, c)
        for c in rng.choice(
            [((40, 90, 150), (240, 240, 240)), ((30, 100, 70), (230, 230, 220)), ((200, 60, 40), (240, 230, 210))]
        )
    ]
    draw.rectangle([0, hz - H * 0.02, W, hz + H * 0.12], fill=board[0])
    draw.rectangle([0, hz + H * 0.03, W, hz + H * 0.05], fill=board[1])
    for k in range(0, 17):
        x = W * k / 16
        draw.line([(x, hz - H * 0.02), (x, hz + H * 0.12)], fill=_scale(board[0], 0.8), width=max(1, int(W * 0.002)))
    # workers in hi-vis
    for _ in range(rng.randint(2, 4)):
        x = rng.uniform(W * 0.05, W * 0.95)
        h = H * rng.uniform(0.22, 0.3)
        y = H * rng.uniform(0.92, 0.99)
        _person(
            draw,
            x,
            y,
            h,
            _lit(mood, rng.choice([(250, 130, 20), (230, 230, 40)])),
            rng,
            legs=_lit(mood, (50, 56, 70)),
            head=_lit(mood, rng.choice(_SKINS)),
        )
        draw.chord([x - h * 0.085, y - h - h * 0.02, x + h * 0.085, y - h + h * 0.11], 180, 360, fill=(250, 250, 250))
    return mood


def _scene_stage(rng, W, H, img, draw):
    mood = {"name": "interior", "light": (1, 1, 1), "lit": 0.0, "sky": [(0, (0, 0, 0)), (1, (0, 0, 0))]}
    dark = _jitter(rng, (14, 12, 20), 4)
    img.paste(dark, (0, 0, W, H))
    curtain = rng.choice([(150, 20, 36), (40, 30, 90), (110, 20, 60), (30, 60, 50)])
    cinema = rng.random() < 0.5
    stage_y = H * 0.66
    # back wall or screen
    if cinema:
        sc = rng.choice([(210, 220, 240), (240, 220, 190), (170, 210, 230)])
        draw.rectangle([W * 0.18, H * 0.12, W * 0.82, H * 0.56], fill=sc)
        # a soft image on the screen: horizon and a figure
        draw.rectangle([W * 0.18, H * 0.4, W * 0.82, H * 0.56], fill=_scale(sc, 0.55))
        draw.ellipse([W * 0.6, H * 0.17, W * 0.68, H * 0.17 + W * 0.08], fill=(255, 240, 200))
        _person(draw, W * 0.38, H * 0.52, H * 0.3, _scale(sc, 0.3), rng)
    else:
        _vgradient(draw, (W * 0.1, H * 0.08, W * 0.9, stage_y), [(0, _scale(curtain, 0.25)), (1, _scale(curtain, 0.5))])
    # stage floor
    draw.polygon([(W * 0.08, stage_y), (W * 0.92, stage_y), (W, H * 0.78), (0, H * 0.78)], fill=(90, 62, 40))
    draw.rectangle([0, H * 0.78, W, H * 0.82], fill=(40, 28, 20))
    # curtains with folds
    for side in (-1, 1):
        x_out = 0 if side < 0 else W
        x_in = W * 0.16 if side < 0 else W * 0.84
        folds = 9
        for k in range(folds):
            xa = x_out + (x_in - x_out) * k / folds
            xb = x_out + (x_in - x_out) * (k + 1) / folds
            c = _scale(curtain, 0.7 + 0.4 * (k % 2))
            draw.polygon([(xa, 0), (xb, 0), (xb + side * W * 0.004, H * 0.8), (xa + side * W * 0.004, H * 0.8)], fill=c)
    for k in range(20):
        xa, xb = W * k / 20, W * (k + 1) / 20
        draw.rectangle([xa, 0, xb, H * 0.09], fill=_scale(curtain, 0.75 + 0.35 * (k % 2)))
        draw.pieslice([xa, H * 0.06, xb, H * 0.12], 0, 180, fill=_scale(curtain, 0.75 + 0.35 * (k % 2)))
    # performers and light beams
    performers = [] if cinema else [W * x for x in rng.sample([0.3, 0.42, 0.55, 0.68], rng.randint(1, 3))]
    beams = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    bd = ImageDraw.Draw(beams)
    colours = [(255, 230, 170), (140, 170, 255), (255, 120, 200), (255, 200, 120)]
    targets = performers or [W * 0.35, W * 0.65]
    for tx in targets:
        c = rng.choice(colours)
        sx = W * rng.uniform(0.2, 0.8)
        bd.polygon(
            [
                (sx - W * 0.01, 0),
                (sx + W * 0.01, 0),
                (tx + W * 0.09, stage_y + H * 0.05),
                (tx - W * 0.09, stage_y + H * 0.05),
            ],
            fill=(*c, 60),
        )
        bd.ellipse([tx - W * 0.1, stage_y - H * 0.01, tx + W * 0.1, stage_y + H * 0.09], fill=(*c, 90))
    if not cinema:
        img.paste(Image.alpha_composite(img.convert("RGBA"), beams).convert("RGB"))
    draw = ImageDraw.Draw(img)
    for x in performers:
        body = (24, 20, 24)
        _person(draw, x, stage_y + H * 0.05, H * 0.36, body, rng, head=(36, 30, 30), arms_up=rng.random() < 0.3)
        if rng.random() < 0.6:  # mic stand
            draw.line(
                [(x + W * 0.03, stage_y + H * 0.05), (x + W * 0.03, stage_y - H * 0.22)],
                fill=(60, 60, 60),
                width=max(2, int(W * 0.002)),
            )
            draw.line(
                [(x + W * 0.03, stage_y - H * 0.22), (x + W * 0.01, stage_y - H * 0.24)],
                fill=(60, 60, 60),
                width=max(2, int(W * 0.002)),
            )
    # audience heads in silhouette, against the spill of light from the stage
    _vgradient(draw, (0, H * 0.82, W, H), [(0, (74, 56, 66)), (1, (40, 32, 44))])
    for row in range(3):
        y = H - row * H * 0.06
        step = W * (0.05 - row * 0.006)
        k = 0
        while k * step < W + step:
            x = k * step + (row % 2) * step / 2 + rng.uniform(-step * 0.1, step * 0.1)
            r = H * (0.045 - row * 0.007)
            c = (8 + row * 4, 8 + row * 4, 12 + row * 4)
            draw.ellipse([x - r * 2.2, y - r * 0.3, x + r * 2.2, y + r * 2.5], fill=c)
            draw.ellipse([x - r, y - r * 2.3, x + r, y + r * 0.1], fill=c)
            k += 1
    return mood


def _scene_windfarm(rng, W, H, img, draw):
    mood = _pick_mood(rng, ("day", "day", "golden", "overcast", "dusk"))
    hz = H * rng.uniform(0.6, 0.7)
    _sky(draw, rng, mood, W, int(hz))
    _vgradient(draw, (0, hz, W, H), mood["water"])
    ripple = _mix(mood["water"][0][1], (255, 255, 255), 0.25)
    for _ in range(int(W / 6)):
        y = rng.uniform(hz, H)
        x = rng.uniform(0, W)
        ln = W * rng.uniform(0.004, 0.03) * (0.3 + (y - hz) / (H - hz))
        draw.line([(x, y), (x + ln, y)], fill=ripple, width=max(1, int(H * 0.002)))
    turbines = []
    for row in range(3):
        scale = (0.35, 0.6, 1.0)[row]
        n = (9, 6, 3)[row]
        for k in range(n):
            x = W * (k + rng.uniform(0.2, 0.8)) / n
            turbines.append((scale, x))
    angle0 = rng.uniform(0, 120)
    for scale, x in turbines:
        haze = (1 - scale) * 0.6
        col = _haze(mood, (240, 242, 244), haze)
        h = H * 0.5 * scale
        base = hz + H * 0.01 * scale
        top = base - h
        tw = W * 0.006 * scale
        draw.polygon([(x - tw, base), (x + tw, base), (x + tw * 0.5, top), (x - tw * 0.5, top)], fill=col)
        draw.rectangle([x - tw * 1.4, base - h * 0.04, x + tw * 1.4, base], fill=_haze(mood, (230, 200, 40), haze))
        draw.rounded_rectangle([x - tw * 1.2, top - tw * 1.2, x + tw * 3.5, top + tw * 1.0], radius=tw * 0.8, fill=col)
        bl = h * 0.55
        a0 = angle0 + rng.uniform(0, 120)
        for b in range(3):
            a = math.radians(a0 + b * 120)
            ca, sa = math.cos(a), math.sin(a)
            tip = (x + bl * ca, top + bl * sa)
            wdt = tw * 1.1
            draw.polygon([(x - sa * wdt, top + ca * wdt), (x + sa * wdt * 0.3, top - ca * wdt * 0.3), tip], fill=col)
        draw.ellipse([x - tw * 1.1, top - tw * 1.1, x + tw * 1.1, top + tw * 1.1], fill=_scale(col, 0.9))
    # service vessel
    if rng.random() < 0.8:
        vx, vy = W * rng.uniform(0.15, 0.75), H * rng.uniform(0.82, 0.9)
        vl = W * 0.14
        hull = _lit(mood, rng.choice([(230, 120, 30), (200, 40, 40), (40, 60, 110)]))
        draw.polygon(
            [(vx, vy - H * 0.03), (vx + vl, vy - H * 0.04), (vx + vl * 0.92, vy), (vx + vl * 0.05, vy)], fill=hull
        )
        draw.rectangle(
            [vx + vl * 0.55, vy - H * 0.08, vx + vl * 0.85, vy - H * 0.035], fill=_lit(mood, (240, 240, 236))
        )
        draw.rectangle([vx + vl * 0.58, vy - H * 0.07, vx + vl * 0.82, vy - H * 0.055], fill=_lit(mood, (50, 60, 76)))
        foam = _lit(mood, (240, 240, 236))
        draw.line([(vx - W * 0.08, vy + H * 0.004), (vx + vl * 0.1, vy)], fill=foam, width=max(2, int(H * 0.006)))
    return mood


_SCENE_FUNCS = {
    "skyline": _scene_skyline,
    "street": _scene_street,
    "harbour": _scene_harbour,
    "park": _scene_park,
    "market": _scene_market,
    "tram": _scene_tram,
    "stadium": _scene_stadium,
    "chamber": _scene_chamber,
    "portrait": _scene_portrait,
    "campus": _scene_campus,
    "storm": _scene_storm,
    "hospital": _scene_hospital,
    "beach": _scene_beach,
    "construction": _scene_construction,
    "stage": _scene_stage,
    "windfarm": _scene_windfarm,
}
assert tuple(_SCENE_FUNCS) == SCENES


def draw_scene(scene: str, seed: int, width: int = 1600, height: int = 1067) -> Image.Image:
    """Paint a scene ("harbour", "tram", ...; see SCENES) as an RGB image."""
    try:
        func = _SCENE_FUNCS[scene]
    except KeyError:
        raise ValueError(f"unknown scene {scene!r}; expected one of {', '.join(SCENES)}") from None
    if width < 16 or height < 16:
        raise ValueError("width and height must be at least 16 pixels")
    rng = random.Random(f"{scene}:{seed}")
    img, draw, W, H = _canvas(width, height)
    func(rng, W, H, img, draw)
    if scene not in ("chamber", "stage", "portrait") and rng.random() < 0.35:
        img = img.transpose(Image.FLIP_LEFT_RIGHT)
    return _finish(img, rng, width, height)


def draw_portrait(seed: int, size: int = 800) -> Image.Image:
    """A square head-and-shoulders portrait for an author byline."""
    if size < 16:
        raise ValueError("size must be at least 16 pixels")
    rng = random.Random(f"portrait:{seed}")
    img, draw, W, H = _canvas(size, size)
    base = _jitter(
        rng,
        rng.choice(
            [
                (196, 206, 214),
                (222, 212, 196),
                (176, 196, 186),
                (60, 70, 86),
                (214, 190, 190),
                (150, 160, 180),
                (230, 226, 218),
            ]
        ),
        10,
    )
    _vgradient(draw, (0, 0, W, H), [(0, _scale(base, 1.08)), (1, _scale(base, 0.82))])
    glow = _scale(base, 1.15)
    draw.ellipse([W * 0.1, H * 0.05, W * 0.9, H * 0.85], fill=_mix(base, glow, 0.5))
    img = img.filter(ImageFilter.GaussianBlur(W * 0.06))
    draw = ImageDraw.Draw(img)
    _figure(draw, rng, W * 0.5, H * 0.16, H * 0.42, H)
    return _finish(img, rng, size, size, grain=5.0, vignette=0.15)
