package io.github.demarche.encoder;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * One ONNX Runtime session of a BERT-style sentence encoder with its tokenizer, through
 * langchain4j's in-process bi-encoder (mean pooling over tokens, texts longer than the encoder's
 * 510 tokens split and averaged). The only class of this package that touches ONNX Runtime or DJL,
 * so that {@link Encoder} can set {@link OfflineSwitches} before either is loaded. Thread-safe: an
 * ONNX Runtime session and DJL's tokenizer serve concurrent calls.
 */
final class OnnxSession extends AbstractInProcessEmbeddingModel {
  private final OnnxBertBiEncoder model;
  private final int dimension;

  /**
   * @param weights the ONNX model's bytes
   * @param tokenizer the tokenizer's JSON
   * @param intraOpThreads threads ONNX Runtime may use inside one call
   */
  OnnxSession(byte[] weights, byte[] tokenizer, int intraOpThreads, int dimension) {
    // each call runs in the caller's thread: no pool of langchain4j's own
    super(Runnable::run);
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(intraOpThreads);
      options.setInterOpNumThreads(1);
      OrtSession session = environment.createSession(weights, options);
      this.model = new OnnxBertBiEncoder(environment, session,
          new ByteArrayInputStream(tokenizer), PoolingMode.MEAN);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the encoder: " + e.getMessage(), e);
    }
    this.dimension = dimension;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return model;
  }

  @Override
  protected Integer knownDimension() {
    return dimension;
  }

  /** The encoder's vector of one text, as langchain4j returns it. */
  float[] vector(String text) {
    return embedAll(List.of(TextSegment.from(text))).content().get(0).vector();
  }
}
