"""Time /segment calls from a separate process, as a user's script would make them.

    python benchmarks/api_client.py URL IMAGE "X Y" REPEATS

Prints one JSON object: milliseconds per call for (a) sending the file with every prompt
and getting the overlay too, and (b) prompting again by the first result's image_id,
masks only. The first call of each kind is a warm-up and is not counted.
"""

import json
import sys
import time

from gradio_client import Client, handle_file


def main(url: str, image: str, point: str, repeats: int) -> None:
    client = Client(url, verbose=False)

    def file_and_overlay():
        return client.predict(handle_file(image), point, "", "", True, True, api_name="/segment")[0]

    image_id = file_and_overlay()["image"]["image_id"]  # the result schema's image entry

    def by_id_masks_only():
        return client.predict(None, point, "", "", True, False, image_id, api_name="/segment")

    times = {}
    for name, call in (("file_and_overlay", file_and_overlay), ("by_id_masks_only", by_id_masks_only)):
        call()
        samples = []
        for _ in range(repeats):
            start = time.perf_counter()
            call()
            samples.append((time.perf_counter() - start) * 1000)
        times[name] = samples
    print(json.dumps(times))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
