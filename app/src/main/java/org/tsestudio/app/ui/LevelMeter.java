package org.tsestudio.app.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A horizontal peak meter from -60 to 0 dBFS: green, amber above -12, red above -3, with a falling
 * peak-hold tick so short peaks stay visible.
 */
public final class LevelMeter extends Region {
  private static final double FLOOR = -60;
  private final Canvas canvas = new Canvas();
  private final DoubleProperty levelDb = new SimpleDoubleProperty(this, "levelDb", -120);
  private double hold = FLOOR;
  private long holdSince;

  public LevelMeter() {
    getStyleClass().add("level-meter");
    getChildren().add(canvas);
    setMinHeight(10);
    setPrefHeight(10);
    setMaxHeight(10);
    levelDb.addListener(o -> paint());
  }

  public DoubleProperty levelDbProperty() {
    return levelDb;
  }

  @Override
  protected void layoutChildren() {
    canvas.setWidth(getWidth());
    canvas.setHeight(getHeight());
    paint();
  }

  private void paint() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.web("#0c0e12"));
    g.fillRect(0, 0, w, h);
    double db = Math.max(FLOOR, Math.min(0, levelDb.get()));
    long now = System.nanoTime();
    if (db >= hold || now - holdSince > 1_000_000_000L) {
      hold = db;
      holdSince = now;
    }
    double x = (db - FLOOR) / -FLOOR * w;
    double amber = (-12 - FLOOR) / -FLOOR * w;
    double red = (-3 - FLOOR) / -FLOOR * w;
    g.setFill(Color.web("#3fbf7f"));
    g.fillRect(0, 0, Math.min(x, amber), h);
    if (x > amber) {
      g.setFill(Color.web("#e8b949"));
      g.fillRect(amber, 0, Math.min(x, red) - amber, h);
    }
    if (x > red) {
      g.setFill(Color.web("#ef5350"));
      g.fillRect(red, 0, x - red, h);
    }
    double hx = (hold - FLOOR) / -FLOOR * w;
    if (hold > FLOOR) {
      g.setFill(Color.web("#e6e9ef"));
      g.fillRect(Math.max(0, hx - 1.5), 0, 2, h);
    }
  }
}
