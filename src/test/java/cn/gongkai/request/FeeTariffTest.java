package cn.gongkai.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FeeTariffTest {

  @Test
  void chargesNothingForTheFirstTenItemsOfTheMonth() {
    assertThat(FeeTariff.byItems(0, 10)).isEqualByComparingTo(BigDecimal.ZERO);
  }

  @Test
  void chargesAHundredYuanPerItemFromTheEleventhToTheThirtieth() {
    assertThat(FeeTariff.byItems(0, 30)).isEqualByComparingTo("2000");
    assertThat(FeeTariff.byItems(25, 5)).isEqualByComparingTo("500");
  }

  @Test
  void raisesThePricePerItemByAHundredYuanForEachFurtherBandOfTen() {
    // items 31-40 at 200, 41-50 at 300
    assertThat(FeeTariff.byItems(30, 10)).isEqualByComparingTo("2000");
    assertThat(FeeTariff.byItems(40, 1)).isEqualByComparingTo("300");
    assertThat(FeeTariff.byItems(0, 45)).isEqualByComparingTo(String.valueOf(2000 + 2000 + 5 * 300));
  }

  @Test
  void chargesPagesInBandsAboveThirty() {
    assertThat(FeeTariff.byPages(30)).isEqualByComparingTo("0");
    assertThat(FeeTariff.byPages(100)).isEqualByComparingTo("700");
    assertThat(FeeTariff.byPages(200)).isEqualByComparingTo("2700");
    assertThat(FeeTariff.byPages(201)).isEqualByComparingTo("2740");
  }
}
