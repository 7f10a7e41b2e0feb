"""Work built on the service, as upstream builds its mask generator on the predictor:
``everything`` (automatic masks). Tasks never import Gradio."""
