/* The story body editor's own extensions, loaded by django-prose-editor's configurable preset
   (settings.DJANGO_PROSE_EDITOR_EXTENSIONS names this module; Story.BODY_EDITOR_EXTENSIONS turns
   them on):

   - PhotoFigure: a photo from the library placed in the text. Stored as
     <figure data-photo="ID"><figcaption>caption for this story</figcaption></figure> (no image
     address: the page renders renditions from the photo). In the editor it shows the picture, its
     credit and an editable caption; it is one block (an atom) that can be dragged, deleted and
     undone like text.
   - NewsroomPaste: pasted HTML from a web page, a word processor or a wire email keeps paragraphs,
     subheadings, lists, quotes, links, bold and italic and loses everything else. The server's
     sanitizer (articles/richtext.py) stays the guarantee.

   The photo chooser dialog is here too, and the "Choose from the library" button beside the lead
   photo field uses it. The chooser's address comes from the body field's data-photo-chooser-url. */
import { Extension, Node, Plugin } from "django-prose-editor/editor";

const photoCache = new Map();

function chooserUrl() {
    const field = document.querySelector("[data-photo-chooser-url]");
    return field ? field.dataset.photoChooserUrl : null;
}

function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
}

function element(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (key === "dataset") {
            Object.assign(node.dataset, value);
        } else if (key in node && key !== "list") {
            node[key] = value;
        } else {
            node.setAttribute(key, value);
        }
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
}

async function fetchJSON(url, options = {}) {
    const response = await fetch(url, { credentials: "same-origin", ...options });
    let data = {};
    try {
        data = await response.json();
    } catch {
        data = { error: `The server answered ${response.status}.` };
    }
    if (!response.ok) {
        throw new Error(data.error || `The server answered ${response.status}.`);
    }
    return data;
}

function loadPhoto(id) {
    const key = String(id);
    if (!photoCache.has(key)) {
        const base = chooserUrl();
        const request = base
            ? fetchJSON(`${base}?id=${encodeURIComponent(key)}`).then((data) => data.results[0])
            : Promise.reject(new Error("No photo chooser on this page."));
        photoCache.set(key, request);
        request.catch(() => photoCache.delete(key));
    }
    return photoCache.get(key);
}

/* --- The chooser dialog -------------------------------------------------------------------------- */

export function choosePhoto({ title = "Insert a photo" } = {}) {
    const base = chooserUrl();
    return new Promise((resolve) => {
        const status = element("p", { className: "photo-chooser__status", role: "status" });
        const search = element("input", {
            type: "search",
            className: "photo-chooser__search",
            placeholder: "Caption, keyword, credit or photographer",
            "aria-label": "Search the photo library",
        });
        const grid = element("ul", { className: "photo-chooser__grid" });
        const previous = element("button", { type: "button", className: "button", textContent: "‹ Newer" });
        const next = element("button", { type: "button", className: "button", textContent: "Older ›" });
        const pageLabel = element("span", { className: "photo-chooser__page" });
        const file = element("input", { type: "file", accept: "image/jpeg,image/png,image/webp,image/gif", hidden: true });
        const upload = element("button", { type: "button", className: "button", textContent: "Upload a photo…" });
        const close = element("button", { type: "button", className: "photo-chooser__close", textContent: "×", "aria-label": "Close" });
        const dialog = element(
            "dialog",
            { className: "photo-chooser", "aria-label": title },
            element("header", { className: "photo-chooser__head" }, element("h2", { textContent: title }), close),
            element("div", { className: "photo-chooser__bar" }, search, upload, file),
            status,
            grid,
            element("footer", { className: "photo-chooser__foot" }, previous, pageLabel, next),
        );
        let page = 1;
        let done = false;
        let timer = null;

        const finish = (photo) => {
            if (done) {
                return;
            }
            done = true;
            dialog.close();
            dialog.remove();
            resolve(photo);
        };
        const pick = (photo) => {
            photoCache.set(String(photo.id), Promise.resolve(photo));
            finish(photo);
        };

        const show = async () => {
            status.textContent = "Loading…";
            try {
                const data = await fetchJSON(`${base}?${new URLSearchParams({ q: search.value, page })}`);
                grid.replaceChildren(
                    ...data.results.map((photo) => {
                        const button = element(
                            "button",
                            { type: "button", className: "photo-chooser__item", dataset: { photo: photo.id } },
                            element("img", { src: photo.thumb, alt: photo.alt || "", loading: "lazy" }),
                            element("span", { className: "photo-chooser__caption", textContent: photo.caption || "(no caption)" }),
                            element("span", { className: "photo-chooser__meta", textContent: [photo.credit, photo.date].filter(Boolean).join(" · ") }),
                        );
                        button.addEventListener("click", () => pick(photo));
                        return element("li", {}, button);
                    }),
                );
                status.textContent = data.count ? `${data.count} photo${data.count === 1 ? "" : "s"}` : "No photo matches.";
                pageLabel.textContent = data.pages > 1 ? `Page ${data.page} of ${data.pages}` : "";
                previous.disabled = data.page <= 1;
                next.disabled = data.page >= data.pages;
                upload.hidden = !data.can_upload;
            } catch (error) {
                status.textContent = error.message;
            }
        };

        search.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                page = 1;
                show();
            }, 250);
        });
        search.addEventListener("keydown", (event) => {
            if (event.key === "Enter") {
                event.preventDefault(); // never submit the story form
            }
        });
        previous.addEventListener("click", () => {
            page -= 1;
            show();
        });
        next.addEventListener("click", () => {
            page += 1;
            show();
        });
        upload.addEventListener("click", () => file.click());
        file.addEventListener("change", async () => {
            if (!file.files.length) {
                return;
            }
            const body = new FormData();
            body.append("file", file.files[0]);
            status.textContent = `Uploading “${file.files[0].name}”…`;
            try {
                const data = await fetchJSON(`${base}upload/`, {
                    method: "POST",
                    body,
                    headers: { "X-CSRFToken": csrfToken() },
                });
                pick(data.photo);
            } catch (error) {
                status.textContent = error.message;
                status.classList.add("photo-chooser__status--error");
            }
            file.value = "";
        });
        close.addEventListener("click", () => finish(null));
        dialog.addEventListener("cancel", (event) => {
            event.preventDefault();
            finish(null);
        });

        document.body.append(dialog);
        dialog.showModal();
        search.focus();
        show();
    });
}

/* --- The figure node ----------------------------------------------------------------------------- */

class PhotoFigureView {
    constructor(node, view, getPos) {
        this.node = node;
        this.view = view;
        this.getPos = getPos;
        this.image = element("img", { className: "body-photo__image", alt: "" });
        this.credit = element("span", { className: "body-photo__credit" });
        this.caption = element("input", {
            type: "text",
            className: "body-photo__caption",
            "aria-label": "Caption in this story (empty: the photo's own caption)",
        });
        this.dom = element(
            "figure",
            { className: "body-photo", dataset: { photo: node.attrs.photo }, draggable: "true" },
            this.image,
            element("figcaption", {}, this.caption, this.credit),
        );
        this.caption.addEventListener("change", () => this.saveCaption());
        this.caption.addEventListener("keydown", (event) => {
            if (event.key === "Enter") {
                event.preventDefault();
                this.saveCaption();
                view.focus();
            }
        });
        this.render();
    }

    saveCaption() {
        const caption = this.caption.value.trim();
        if (caption === this.ownCaption) {
            this.caption.value = "";
        }
        const override = caption === this.ownCaption ? "" : caption;
        if (override === this.node.attrs.caption) {
            return;
        }
        const pos = this.getPos();
        this.view.dispatch(this.view.state.tr.setNodeMarkup(pos, undefined, { ...this.node.attrs, caption: override }));
    }

    render() {
        if (document.activeElement !== this.caption) {
            this.caption.value = this.node.attrs.caption || "";
        }
        loadPhoto(this.node.attrs.photo).then(
            (photo) => {
                this.ownCaption = photo.caption || "";
                this.image.src = photo.thumb;
                this.image.alt = photo.alt || "";
                this.caption.placeholder = photo.caption || "Write a caption";
                this.credit.textContent = photo.credit || "";
            },
            () => {
                this.credit.textContent = `Photo no. ${this.node.attrs.photo} is not in the library: it will be removed on save.`;
            },
        );
    }

    update(node) {
        if (node.type !== this.node.type || node.attrs.photo !== this.node.attrs.photo) {
            return false;
        }
        this.node = node;
        this.render();
        return true;
    }

    stopEvent(event) {
        // Typing and clicking in the caption is the input's business, not the editor's.
        return event.target === this.caption;
    }

    ignoreMutation() {
        return true;
    }
}

export const PhotoFigure = Node.create({
    name: "photoFigure",
    group: "block",
    atom: true,
    draggable: true,
    selectable: true,

    addAttributes() {
        return {
            photo: {
                default: null,
                parseHTML: (el) => el.getAttribute("data-photo"),
                renderHTML: () => ({}),
            },
            caption: {
                default: "",
                parseHTML: (el) => (el.querySelector("figcaption")?.textContent || "").trim(),
                renderHTML: () => ({}),
            },
        };
    },

    parseHTML() {
        return [{ tag: "figure[data-photo]", getAttrs: (el) => (/^[1-9][0-9]*$/.test(el.getAttribute("data-photo")) ? null : false) }];
    },

    renderHTML({ node }) {
        const attrs = { "data-photo": String(node.attrs.photo) };
        return node.attrs.caption ? ["figure", attrs, ["figcaption", {}, node.attrs.caption]] : ["figure", attrs];
    },

    addNodeView() {
        return ({ node, editor, getPos }) => new PhotoFigureView(node, editor.view, getPos);
    },

    addCommands() {
        return {
            insertPhoto:
                (photo) =>
                ({ commands }) =>
                    commands.insertContent({ type: this.name, attrs: { photo: String(photo.id), caption: "" } }),
        };
    },

    addMenuItems({ menu, buttons }) {
        const icon =
            '<svg viewBox="0 0 24 24" aria-hidden="true"><path fill="currentColor" d="M19 5v14H5V5h14m0-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm-4.86 8.86-3 3.87L9 13.14 6 17h12l-3.86-5.14z"/></svg>';
        menu.defineItem({
            name: "photoFigure",
            groups: "nodes",
            button: buttons.svg(icon, "Insert a photo from the library"),
            command(editor) {
                const { from } = editor.state.selection;
                choosePhoto().then((photo) => {
                    if (photo) {
                        editor.chain().focus().setTextSelection(from).insertPhoto(photo).run();
                    } else {
                        editor.commands.focus();
                    }
                });
            },
            enabled: (editor) => editor.can().insertContent({ type: "photoFigure", attrs: { photo: "1" } }),
        });
    },
});

/* --- Paste ------------------------------------------------------------------------------------- */

const DROP_WHOLE = "img, picture, svg, video, audio, iframe, object, embed, script, style, meta, link, title, head, noscript, form, input, button, select, textarea, canvas, map, template";

function rename(node, tag) {
    const doc = node.ownerDocument;
    const renamed = doc.createElement(tag);
    renamed.append(...node.childNodes);
    node.replaceWith(renamed);
    return renamed;
}

function wordListKind(paragraph) {
    const marker = (paragraph.querySelector("[style*='mso-list:Ignore'], [style*='mso-list: Ignore']")?.textContent || "").trim();
    return /^[0-9a-zA-Z]{1,3}[.)]$/.test(marker) ? "ol" : "ul";
}

function wordListsToLists(body) {
    // Word and LibreOffice write a list as paragraphs carrying mso-list, with the bullet in a span.
    const items = [...body.querySelectorAll("p[style*='mso-list'], p.MsoListParagraph, p[class^='MsoListParagraph']")];
    let list = null;
    let lastItem = null;
    for (const paragraph of items) {
        const kind = wordListKind(paragraph);
        for (const marker of paragraph.querySelectorAll("[style*='mso-list:Ignore'], [style*='mso-list: Ignore']")) {
            marker.remove();
        }
        if (!list || lastItem?.nextElementSibling !== paragraph || list.tagName.toLowerCase() !== kind) {
            list = body.ownerDocument.createElement(kind);
            paragraph.before(list);
        }
        const item = body.ownerDocument.createElement("li");
        item.append(...paragraph.childNodes);
        list.append(item);
        lastItem = list;
        paragraph.remove();
    }
}

export function cleanPastedHTML(html) {
    const doc = new DOMParser().parseFromString(html, "text/html");
    const body = doc.body;
    for (const node of body.querySelectorAll(DROP_WHOLE)) {
        node.remove();
    }
    wordListsToLists(body);
    for (const node of body.querySelectorAll("h1")) {
        rename(node, "h2");
    }
    for (const node of body.querySelectorAll("h4, h5, h6")) {
        rename(node, "h3");
    }
    // A table becomes its text: a paragraph per row, cells apart.
    for (const table of body.querySelectorAll("table")) {
        const rows = [...table.querySelectorAll("tr")].map((row) =>
            doc.createElement("p").appendChild(doc.createTextNode([...row.cells].map((cell) => cell.textContent.trim()).filter(Boolean).join(" — "))).parentNode,
        );
        table.replaceWith(...rows.filter((row) => row.textContent));
    }
    // Figures and captions from elsewhere: keep the caption's words, not the figure.
    for (const figure of body.querySelectorAll("figure")) {
        const caption = figure.querySelector("figcaption");
        const replacement = doc.createElement("p");
        replacement.textContent = caption ? caption.textContent.trim() : "";
        figure.replaceWith(replacement);
    }
    for (const node of body.querySelectorAll("*")) {
        for (const attribute of [...node.attributes]) {
            if (!(node.tagName === "A" && (attribute.name === "href" || attribute.name === "title"))) {
                node.removeAttribute(attribute.name);
            }
        }
    }
    for (const node of body.querySelectorAll("p:empty")) {
        node.remove();
    }
    return body.innerHTML;
}

export const NewsroomPaste = Extension.create({
    name: "newsroomPaste",
    addProseMirrorPlugins() {
        return [new Plugin({ props: { transformPastedHTML: cleanPastedHTML } })];
    },
});

/* --- The lead photo button ----------------------------------------------------------------------- */

function setUpLeadPhoto() {
    const select = document.getElementById("id_lead_photo");
    const button = document.querySelector("[data-choose-lead-photo]");
    if (!select || !button) {
        return;
    }
    const preview = document.querySelector("[data-lead-photo-preview]");
    button.addEventListener("click", async () => {
        const photo = await choosePhoto({ title: "Choose the lead photo" });
        if (!photo) {
            return;
        }
        let option = [...select.options].find((candidate) => candidate.value === String(photo.id));
        if (!option) {
            option = new Option(photo.caption || `Photo no. ${photo.id}`, String(photo.id), true, true);
            select.append(option);
        }
        select.value = String(photo.id);
        // The admin's autocomplete (select2) listens through jQuery.
        if (window.django && window.django.jQuery) {
            window.django.jQuery(select).trigger("change");
        } else {
            select.dispatchEvent(new Event("change", { bubbles: true }));
        }
        if (preview) {
            preview.replaceChildren(element("img", { src: photo.thumb, alt: photo.alt || "", className: "admin-thumb", width: 96 }));
        }
    });
}

if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpLeadPhoto);
} else {
    setUpLeadPhoto();
}
