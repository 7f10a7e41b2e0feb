"""The Label Studio ML backend (``sam-app label-studio``): its RLE against Label Studio's
own, its protocol against the requests Label Studio 1.23 sends (captured from a real
server; here through Starlette's test client), and, marked slow, a real Label Studio
(tests/label_studio.py: its own venv, SQLite) asking it for a smart keypoint's mask and
for a whole task's pre-annotation."""

import base64
import contextlib
import threading
import time

import numpy as np
import pytest
from PIL import Image
from starlette.testclient import TestClient

from sam_app.errors import SamAppError
from sam_app.label_studio.config import parse_config
from sam_app.label_studio.predict import Connection, Predictor
from sam_app.label_studio.rle import brush_rle
from sam_app.label_studio.server import backend_app
from sam_app.projects.formats.geometry import fill_polygons
from sam_app.tasks.everything import EverythingSettings, MaskGenerator

from conftest import IMGS, make_service

COFFEE = IMGS / "coffee.png"  # 600 x 400
CONFIG = """<View>
  <Image name="image" value="$image" zoom="true"/>
  <BrushLabels name="tag" toName="image"><Label value="cup" background="red"/><Label value="saucer"/></BrushLabels>
  <KeyPointLabels name="kp" toName="image" smart="true"><Label value="cup" smart="true"/></KeyPointLabels>
  <RectangleLabels name="rect" toName="image" smart="true"><Label value="saucer" smart="true"/></RectangleLabels>
</View>"""
POLYGONS = CONFIG.replace('<BrushLabels name="tag" toName="image">', '<PolygonLabels name="poly" toName="image">'
                          ).replace("</BrushLabels>", "</PolygonLabels>")
FEW = EverythingSettings(points_per_side=4, pred_iou_thresh=0.0, stability_score_thresh=0.0)


def keypoint(x, y, positive=True, label="cup"):
    """A smart keypoint as Label Studio's UI sends it (x, y: percent of the image)."""
    return {"original_width": 600, "original_height": 400, "image_rotation": 0, "is_positive": positive,
            "value": {"x": x, "y": y, "width": 0.5, "labels": [label], "keypointlabels": [label]},
            "id": "kp1", "from_name": "kp", "to_name": "image", "type": "keypointlabels", "origin": "manual"}


def rectangle(x, y, width, height, label="saucer"):
    return {"original_width": 600, "original_height": 400, "image_rotation": 0,
            "value": {"x": x, "y": y, "width": width, "height": height, "rotation": 0, "rectanglelabels": [label]},
            "id": "r1", "from_name": "rect", "to_name": "image", "type": "rectanglelabels", "origin": "manual"}


def task(image: str, task_id: int = 1) -> dict:
    return {"id": task_id, "data": {"image": image}, "annotations": [], "predictions": [], "drafts": []}


def predict_body(image: str, context=None, config=CONFIG, project="3.1796546870") -> dict:
    return {"tasks": [task(image)], "project": project, "label_config": config,
            "params": {"login": None, "password": None, "context": context}}


@pytest.fixture(scope="module")
def backend(tiny_model):
    service = make_service(tiny_model)
    predictor = Predictor(service, prelabel="everything", everything=FEW)
    return service, TestClient(backend_app(predictor))


@pytest.fixture(scope="module")
def coffee_url():
    return "data:image/png;base64," + base64.b64encode(COFFEE.read_bytes()).decode()


def test_brush_rle_is_label_studios_encoding():
    """Label Studio's mask2rle of a 48x64 rectangle (label_studio_sdk 2.1.2, run once);
    the slow test compares random masks with the SDK itself."""
    mask = np.zeros((48, 64), bool)
    mask[10:30, 5:40] = True
    assert brush_rle(mask) == [
        0, 0, 48, 0, 57, 27, 255, 10, 19, 0, 209, 127, 249, 204, 3, 69, 255, 231, 48, 13, 23, 255, 156, 192,
        52, 95, 254, 115, 0, 209, 127, 249, 204, 3, 69, 255, 231, 48, 13, 23, 255, 156, 192, 52, 95, 254, 115, 0,
        209, 127, 249, 204, 3, 69, 255, 231, 48, 13, 23, 255, 156, 192, 52, 95, 254, 115, 0, 209, 127, 249, 204, 3,
        69, 255, 231, 48, 13, 23, 255, 156, 192, 52, 95, 254, 115, 0, 209, 127, 249, 204, 3, 69, 255, 231, 48, 13,
        23, 255, 156, 192, 52, 95, 255, 18, 95, 0, 0,
    ]
    assert brush_rle(np.zeros((1, 1), bool)) == [0, 0, 0, 4, 57, 27, 252, 96, 0]


def test_the_config_says_which_controls_the_masks_fill():
    config = parse_config(CONFIG)
    assert (config.image_name, config.image_key, config.labels) == ("image", "image", ["cup", "saucer"])
    assert [(o.from_name, o.kind) for o in config.outputs] == [("tag", "brushlabels")]
    with pytest.raises(SamAppError, match="no BrushLabels or PolygonLabels on the image 'image'"):
        parse_config('<View><Image name="image" value="$image"/><Choices name="c" toName="image"/></View>')
    with pytest.raises(SamAppError, match="has no <Image"):
        parse_config("<View><Text name='t' value='$text'/></View>")
    with pytest.raises(SamAppError, match="declares entities"):
        parse_config('<!DOCTYPE x [<!ENTITY a "aaaa">]><View/>')


def test_health_and_setup_answer_as_label_studio_expects(backend):
    _, client = backend
    assert client.get("/health").json() == {"status": "UP", "model_class": "sam_app", "model": "tiny"}
    answer = client.post("/setup", json={"project": "3.1796546870", "schema": CONFIG, "hostname": "http://ls:8080",
                                         "access_token": "abc", "extra_params": None})
    assert answer.status_code == 200 and answer.json() == {"model_version": "sam_app-tiny"}
    assert client.post("/webhook", json={"action": "ANNOTATION_CREATED"}).json() == {"status": "ok"}


def test_a_smart_keypoint_gives_segments_mask_as_brush_rle(backend, coffee_url):
    service, client = backend
    encoded = service.cache_info()["encodings"]
    answer = client.post("/predict", json=predict_body(coffee_url, {"result": [keypoint(50, 50)]})).json()
    [prediction] = answer["results"]
    [item] = prediction["result"]
    expected = service.segment(COFFEE, np.array([[300, 200]]), multimask=True).objects[0]
    assert item["value"] == {"format": "rle", "rle": brush_rle(expected.best_mask), "brushlabels": ["cup"]}
    assert (item["from_name"], item["to_name"], item["type"]) == ("tag", "image", "brushlabels")
    assert (item["original_width"], item["original_height"]) == (600, 400)
    assert prediction["score"] == pytest.approx(float(expected.scores[expected.best]))
    assert prediction["model_version"] == "sam_app-tiny"
    two = client.post("/predict", json=predict_body(coffee_url, {"result": [keypoint(50, 50),
                                                                             keypoint(20, 25, positive=False)]}))
    expected = service.segment(COFFEE, np.array([[300, 200], [120, 100]]), np.array([1, 0])).objects[0]
    assert two.json()["results"][0]["result"][0]["value"]["rle"] == brush_rle(expected.best_mask)
    assert service.cache_info()["encodings"] == encoded + 1  # the image is encoded once across requests


def test_a_smart_rectangle_gives_polygons_that_fill_to_the_boxs_mask(backend, coffee_url):
    service, client = backend
    body = predict_body(coffee_url, {"result": [rectangle(25, 15, 55, 70)]}, POLYGONS)
    items = client.post("/predict", json=body).json()["results"][0]["result"]
    expected = service.segment(COFFEE, boxes=np.array([[150, 60, 480, 340]])).objects[0].best_mask
    assert items and all(i["type"] == "polygonlabels" and i["value"]["polygonlabels"] == ["saucer"] for i in items)
    polygons = [[v for x, y in i["value"]["points"] for v in (x * 6, y * 4)] for i in items]  # percent -> pixels
    filled = np.zeros_like(expected)
    for polygon in polygons:  # each part by itself (its holes bridged in), united as Label Studio shows them
        filled |= fill_polygons([polygon], 400, 600)
    assert np.array_equal(filled, expected)


def test_pre_annotation_is_segment_everything_as_brush_masks(backend, coffee_url):
    service, client = backend
    [prediction] = client.post("/predict", json=predict_body(coffee_url)).json()["results"]
    records = MaskGenerator(service, "tiny", FEW).generate(COFFEE)
    assert len(prediction["result"]) == len(records) > 0
    for item, record in zip(prediction["result"], records):
        assert item["value"]["rle"] == brush_rle(record["segmentation"])
        assert item["value"]["brushlabels"] == ["cup"]  # everything's masks take the control's first label


def test_text_pre_annotates_each_label_by_name_and_a_textarea_prompts(tiny_model, tmp_path, coffee_url):
    """With a text model here, pre-annotation asks for every output label by name, and a
    TextArea's text is phrases; masks equal ``segment_phrases``' with their labels."""
    import torch

    from sam_app.backends.detector import Detector
    from sam_app.limits import LIMITS
    from sam_app.tasks.text import asked_phrase, parse_phrases, segment_phrases

    from models import tiny_detector

    model, processor = tiny_detector("grounding_dino", tmp_path / "tokenizer", seed=1)
    service = make_service(tiny_model)
    service.add_backend(Detector(model, processor, "grounding_dino", torch.device("cpu")))
    client = TestClient(backend_app(Predictor(service, text_threshold=0.5)))  # auto: a text model is here
    textarea = {"type": "textarea", "value": {"text": ["saucer"]}, "from_name": "prompt", "to_name": "image"}
    for context, phrases in ((None, "cup, saucer"), ({"result": [textarea]}, "saucer")):
        [prediction] = client.post("/predict", json=predict_body(coffee_url, context)).json()["results"]
        found = segment_phrases(service, COFFEE, phrases, 0.5, LIMITS.max_objects, model="tiny")
        assert len(found.objects) > 0
        asked = [asked_phrase(label, parse_phrases(phrases)) for label in found.labels]
        assert [i["value"]["brushlabels"] for i in prediction["result"]] == [[label] for label in asked]
        assert [i["value"]["rle"] for i in prediction["result"]] == [brush_rle(o.best_mask) for o in found.objects]


@pytest.mark.parametrize("body, says", [
    (predict_body("/data/upload/9/a.png", {"result": [keypoint(5, 5)]}, project="9.1"), "does not know where that is"),
    (predict_body("http://elsewhere/a.png", project="9.1"), "does not know where that is"),
    (predict_body("http://elsewhere/a.png"), "is not on Label Studio (http://ls:8080)"),  # project 3's /setup said
    (predict_body("data:image/png;base64,@@", {"result": []}), "base64 cannot be decoded"),
    ({**predict_body("x"), "label_config": "<View/>"}, "has no <Image"),
    ({"tasks": "no"}, "no labeling config"),
])
def test_bad_requests_get_one_line_and_400(backend, body, says):
    backend[1].post("/setup", json={"project": "3.1796546870", "schema": CONFIG, "hostname": "http://ls:8080"})
    answer = backend[1].post("/predict", json=body)
    assert answer.status_code == 400 and answer.json()["status"] == "error" and says in answer.json()["message"]


def test_only_label_studios_own_address_is_fetched(tiny_model):
    connection = Connection("http://127.0.0.1:8080", "abc")
    with pytest.raises(SamAppError, match="is not on Label Studio"):
        connection.fetch("http://169.254.169.254/latest/meta-data")
    with pytest.raises(SamAppError, match="is not on Label Studio"):
        connection.fetch("https://127.0.0.1:8080/data/upload/1/a.png")  # another scheme: another origin


# ---------------------------------------------------------------- a real Label Studio


@contextlib.contextmanager
def serving(app):
    """``app`` on a free port of 127.0.0.1 in a thread (uvicorn, as the command runs it); yields its URL."""
    import uvicorn

    from label_studio import free_port

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.mark.slow
def test_a_real_label_studio_gets_brush_masks_for_a_keypoint_and_a_pre_annotation(tiny_model, tmp_path):
    from label_studio import reference_decode_rle, reference_encode_mask, start_label_studio

    rng = np.random.default_rng(0)
    for mask in (rng.random((30, 50)) > 0.5, np.ones((7, 9), bool), rng.random((200, 300)) > 0.99):
        assert brush_rle(mask) == reference_encode_mask(mask.astype(np.uint8) * 255)
    service = make_service(tiny_model)
    expected = service.segment(COFFEE, np.array([[300, 200]]), multimask=True).objects[0].best_mask
    predictor = Predictor(service, prelabel="everything", everything=FEW)
    with serving(backend_app(predictor)) as url, start_label_studio(tmp_path / "legacy") as ls:
        project = ls.create_project(CONFIG)
        task_id = ls.import_image_task(project, COFFEE)
        ml = ls.connect_ml_backend(project, url)  # /setup hands the backend Label Studio's address and token
        assert ls.ml_backend(ml)["state"] == "CO"
        [item] = ls.interactive(ml, task_id, {"result": [keypoint(50, 50)]})["data"]["result"]
        assert np.array_equal(reference_decode_rle(item["value"]["rle"], 600, 400)[:, :, 3] > 0, expected)
        ls.retrieve_predictions(project, [task_id])
        [prediction] = ls.predictions(task_id)
        records = MaskGenerator(service, "tiny", FEW).generate(Image.open(COFFEE).convert("RGB"))
        assert len(prediction["result"]) == len(records) > 0
        for item, record in zip(prediction["result"], records):
            decoded = reference_decode_rle(item["value"]["rle"], 600, 400)[:, :, 3] > 0
            assert np.array_equal(decoded, record["segmentation"])


@pytest.mark.slow
def test_with_legacy_tokens_off_a_personal_access_token_reads_the_images(tiny_model, tmp_path, capsys):
    """Label Studio 1.23's default: the legacy token /setup sends is refused (the backend
    says on its console what to give it; Label Studio shows the status); with a personal
    access token the backend reads the image."""
    from label_studio import reference_decode_rle, start_label_studio

    service = make_service(tiny_model)
    expected = service.segment(COFFEE, np.array([[300, 200]]), multimask=True).objects[0].best_mask
    with start_label_studio(tmp_path, legacy_token=False) as ls:
        project = ls.create_project(CONFIG)
        task_id = ls.import_image_task(project, COFFEE)
        with serving(backend_app(Predictor(service))) as url:
            ml = ls.connect_ml_backend(project, url)
            refused = ls.interactive(ml, task_id, {"result": [keypoint(50, 50)]})
            assert "400 Client Error" in str(refused["errors"])
            said = capsys.readouterr().err
            assert "error: Label Studio answered 401 for the image" in said and "personal access token" in said
        with serving(backend_app(Predictor(service), Connection(None, ls.personal_access_token()))) as url:
            ml = ls.connect_ml_backend(project, url, title="with a token")
            [item] = ls.interactive(ml, task_id, {"result": [keypoint(50, 50)]})["data"]["result"]
            assert np.array_equal(reference_decode_rle(item["value"]["rle"], 600, 400)[:, :, 3] > 0, expected)


def test_the_command_without_a_model_says_how_to_get_one(tmp_path):
    from conftest import run_cli

    result = run_cli("label-studio", "--checkpoint-dir", tmp_path, "--device", "cpu")
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "download" in result.stderr
